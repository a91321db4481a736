package concord.server.cli;

import concord.analysis.StudyResult;
import concord.analysis.report.ReportContext;
import concord.connector.DataDictionaryReader;
import concord.connector.FieldMetadata;
import concord.server.ConcordVersion;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.load.FeedResult;
import concord.server.load.LoadIssue;
import concord.server.load.LoadedStudy;
import concord.server.load.QualitativeData;
import concord.analysis.report.TopicGuideTemplate;
import concord.server.load.RecordFiles;
import concord.server.load.RoundSource;
import concord.server.load.StudyConfigurationException;
import concord.server.load.StudyLoader;
import concord.server.load.StudySpec;
import concord.server.publish.ReportFiles;
import concord.server.run.RunArtifact;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code analyze}: the offline path. Reads a REDCap data dictionary CSV and a raw record export CSV,
 * analyses them exactly as a service run would, and writes the requested files. {@code --quotes FILE} reads coded
 * quotes from a REDCap export holding the qualitative instrument (the records file itself, or an export of that
 * instrument alone) for the joint display; {@code --topic-guide OUT.html|OUT.docx} writes the focus-group topic guide.
 */
final class AnalyzeCommand {
    static final Set<String> OPTIONS = Set.of("records", "dictionary", "group-field", "outcomes", "domains",
            "demographics", "consensus", "title", "event", "rounds", "round-field", "json", "html", "pdf", "docx", "xlsx", "csv", "exclusions",
            "rounds-csv", "threads", "quotes", "topic-guide", "topic-guide-language", "topic-guide-template");

    private AnalyzeCommand() {
    }

    static int run(List<String> argv, PrintStream out, PrintStream err) throws IOException {
        CliArgs args = new CliArgs("analyze", argv, OPTIONS);
        Path records = Path.of(args.require("records"));
        Path dictionaryFile = Path.of(args.require("dictionary"));
        Map<String, Path> outputs = new LinkedHashMap<>();
        for (String format : List.of("json", "html", "pdf", "docx", "xlsx", "csv")) {
            if (args.get(format) != null) {
                outputs.put(format, Path.of(args.get(format)));
            }
        }
        if (args.get("rounds-csv") != null && !outputs.containsKey("csv")) {
            outputs.put("csv", null); // rounds.csv comes with the CSV report; only rounds.csv is written
        }
        Path topicGuide = args.get("topic-guide") == null ? null : Path.of(args.get("topic-guide"));
        if (outputs.isEmpty() && topicGuide == null) {
            throw new CliException("analyze: say where to write results: --json OUT.json (and/or --html, --pdf, --docx, --xlsx, --csv,"
                    + " --topic-guide OUT.html|OUT.docx)");
        }
        TopicGuideTemplate template = topicGuide == null ? null : AnalyzeQuotes.template(args, topicGuide);
        DomainSource domains;
        try {
            domains = DomainSource.valueOf(args.get("domains", "annotation").toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new CliException("analyze: --domains must be one of annotation, section-header, matrix-group, none");
        }
        StudySpec spec;
        try {
            spec = new StudySpec(dictionaryFile.getFileName().toString(), args.get("title"), args.get("group-field"),
                    OutcomeSelection.parse(Arrays.asList(args.get("outcomes", "@CONCORD-OUTCOME").split(","))), domains,
                    args.get("demographics") == null ? List.of() : Arrays.asList(args.get("demographics").split(",")),
                    args.get("consensus", "80/15"), args.get("event"), null, null,
                    RoundSource.parse(args.get("rounds"), args.get("round-field")));
        } catch (IllegalArgumentException e) {
            throw new CliException("analyze: " + e.getMessage());
        }
        List<FieldMetadata> dictionary = DataDictionaryReader.create().read(dictionaryFile);
        LoadedStudy loaded;
        try {
            if (spec.rounds().kind() == RoundSource.Kind.EVENTS && spec.rounds().events().isEmpty()) {
                // an export file has no event list: the rounds are its rated events, in the order records hold them
                LoadedStudy survey = StudyLoader.grade().load(spec.withRounds(RoundSource.none()), dictionary, null, List.of());
                spec = spec.withRounds(RoundSource.byEvents(RecordFiles.ratedEvents(records, survey)));
            }
            loaded = StudyLoader.grade().load(spec, dictionary, null, List.of());
        } catch (StudyConfigurationException e) {
            e.problems().forEach(err::println);
            return 1;
        }
        loaded.warnings().forEach(w -> err.println("warning: " + w));
        FeedResult read = RecordFiles.read(records, loaded, spec, threads(args));
        QualitativeData quotes = args.get("quotes") == null ? null
                : AnalyzeQuotes.read(Path.of(args.get("quotes")), dictionary, loaded, spec.projectId());
        if (quotes != null) {
            read = quotes.mergeInto(read);
        }
        StudyResult result = quotes == null ? read.analyze() : quotes.attachTo(read.analyze());
        ReportContext context = ReportContext.undated()
                .withProvenance("Records file", records.getFileName().toString())
                .withProvenance("Data dictionary", dictionaryFile.getFileName().toString())
                .withProvenance("Records read", String.valueOf(read.records()))
                .withProvenance("Records analysed", String.valueOf(read.analysed()))
                .withProvenance("Values excluded", String.valueOf(read.issueCount()))
                .withProvenance("Data fingerprint (SHA-256)", read.fingerprint())
                .withProvenance("Concord version", ConcordVersion.get());
        if (loaded.rounds() != null) {
            context = context.withProvenance("Rounds", rounds(loaded));
        }
        if (quotes != null) {
            context = context.withProvenance("Quotes file", Path.of(args.get("quotes")).getFileName().toString())
                    .withProvenance("Coded quotes", quotes.quotes().size() + " of " + quotes.rows() + " instances of " + quotes.instrument());
        }
        List<RunArtifact> files = new ReportFiles().render(result, context, new ArrayList<>(outputs.keySet()),
                read.issues(), read.issueCount());
        for (RunArtifact file : files) {
            String ext = file.name().substring(file.name().lastIndexOf('.') + 1);
            Path target = file.name().equals(ReportFiles.EXCLUSIONS) ? exclusionsPath(args)
                    : file.name().equals(ReportFiles.ROUNDS) ? optionalPath(args, "rounds-csv") : outputs.get(ext);
            if (target != null) {
                Path parent = target.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(target, file.content());
                out.println("wrote " + target + " (" + file.size() + " bytes)");
            }
        }
        if (topicGuide != null) {
            AnalyzeQuotes.writeTopicGuide(result, context, template, topicGuide, out);
        }
        if (quotes != null) {
            out.println(quotes.quotes().size() + " coded quotes read for the joint display, " + quotes.issueCount()
                    + " problems in " + quotes.instrument());
        }
        out.println(read.records() + " records read, " + read.analysed() + " analysed, " + read.issueCount()
                + " values excluded; " + result.outcomes().size() + " outcomes, " + result.summary().differing()
                + " differ between groups" + (result.delphi().isEmpty() ? "" : " in " + result.delphi().get().lastStarted()
                .map(r -> r.round().label()).orElse("no round") + " (" + rounds(loaded) + "; " + result.delphi().get().advice().text() + ")")
                + "; data SHA-256 " + read.fingerprint());
        for (LoadIssue issue : read.issues()) {
            err.println("excluded: record " + issue.record() + ", field " + issue.field() + ", value '" + issue.value()
                    + "': " + issue.problem());
        }
        return 0;
    }

    /** "3 rounds by event: round_1_arm_1, …" */
    private static String rounds(LoadedStudy loaded) {
        if (loaded.rounds() == null) {
            return null;
        }
        return loaded.rounds().rounds().size() + " rounds " + (loaded.rounds().byEvent() ? "by event" : "by field "
                + loaded.rounds().field()) + ": " + String.join(", ", loaded.rounds().codes());
    }

    private static int threads(CliArgs args) {
        String value = args.get("threads");
        if (value == null) {
            return Runtime.getRuntime().availableProcessors();
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new CliException("analyze: --threads must be a whole number of at least 1, not '" + value + "'");
    }

    private static Path optionalPath(CliArgs args, String option) {
        return args.get(option) == null ? null : Path.of(args.get(option));
    }

    private static Path exclusionsPath(CliArgs args) {
        return args.get("exclusions") == null ? null : Path.of(args.get("exclusions"));
    }
}

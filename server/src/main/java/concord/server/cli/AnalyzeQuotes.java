package concord.server.cli;

import concord.analysis.StudyResult;
import concord.analysis.report.ReportContext;
import concord.analysis.report.TopicGuide;
import concord.analysis.report.TopicGuideRenderer;
import concord.analysis.report.TopicGuideTemplate;
import concord.connector.FieldMetadata;
import concord.server.load.LoadedStudy;
import concord.server.load.QualitativeData;
import concord.server.load.QualitativeInstrument;
import concord.server.load.QuoteReader;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code analyze --quotes} and {@code --topic-guide}: the mixed-methods part of the offline path. */
final class AnalyzeQuotes {
    private AnalyzeQuotes() {
    }

    static QualitativeData read(Path file, List<FieldMetadata> dictionary, LoadedStudy loaded, String source) throws IOException {
        QualitativeInstrument instrument = QualitativeInstrument.find(dictionary, null, source).orElseThrow(() -> new CliException(
                "analyze: --quotes needs the qualitative instrument '" + QualitativeInstrument.DEFAULT_NAME + "' (fields "
                        + QualitativeInstrument.FIELDS + ") in the data dictionary; see deploy/redcap/README.md"));
        if (!Files.isRegularFile(file)) {
            throw new CliException("analyze: --quotes " + file + " is not a file");
        }
        return QuoteReader.read(file, loaded, source, instrument);
    }


    static TopicGuideTemplate template(CliArgs args, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".html") && !name.endsWith(".docx")) {
            throw new CliException("analyze: --topic-guide must name an .html or .docx file, not " + out);
        }
        try {
            return args.get("topic-guide-template") != null ? TopicGuideTemplate.load(Path.of(args.get("topic-guide-template")))
                    : TopicGuideTemplate.forLanguage(args.get("topic-guide-language", "en"));
        } catch (IllegalArgumentException e) {
            throw new CliException("analyze: " + e.getMessage());
        }
    }

    static void writeTopicGuide(StudyResult result, ReportContext context, TopicGuideTemplate template, Path out,
                                PrintStream log) throws IOException {
        boolean docx = out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".docx");
        byte[] bytes = (docx ? TopicGuideRenderer.docx() : TopicGuideRenderer.html()).render(TopicGuide.of(result, template), context);
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(out, bytes);
        log.println("wrote " + out + " (" + bytes.length + " bytes)");
    }
}

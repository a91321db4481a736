package concord.server.publish;

import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import concord.analysis.report.CsvReportRenderer;
import concord.analysis.report.DocxReportRenderer;
import concord.analysis.report.HtmlReportRenderer;
import concord.analysis.report.PdfReportRenderer;
import concord.analysis.report.ReportContext;
import concord.analysis.report.ReportRenderer;
import concord.analysis.report.TopicGuide;
import concord.analysis.report.TopicGuideRenderer;
import concord.analysis.report.TopicGuideTemplate;
import concord.analysis.report.XlsxReportRenderer;
import concord.server.load.LoadIssue;
import concord.server.run.RunArtifact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders one result into the configured report files, plus {@code exclusions.csv} (the values the
 * run left out and why) and, for a Delphi result with CSV among the formats, {@code rounds.csv}. File names are stable
 * ({@code report.html}, …); the publisher dates them. The format {@code topic-guide} gives two files, the focus-group
 * topic guide as {@value #TOPIC_GUIDE_HTML} and {@value #TOPIC_GUIDE_DOCX}.
 */
public final class ReportFiles {
    public static final String EXCLUSIONS = "exclusions.csv";
    /** The Delphi rounds view as CSV, beside {@code report.csv} for a Delphi result (docs/reports.md). */
    public static final String ROUNDS = "rounds.csv";
    public static final String TOPIC_GUIDE = "topic-guide";
    public static final String TOPIC_GUIDE_HTML = "topic-guide.html";
    public static final String TOPIC_GUIDE_DOCX = "topic-guide.docx";
    private final List<ReportRenderer> renderers = List.of(HtmlReportRenderer.withDefaults(),
            PdfReportRenderer.withDefaults(), DocxReportRenderer.withDefaults(), XlsxReportRenderer.withDefaults(),
            CsvReportRenderer.withDefaults());

    /** Formats this build can render. */
    public List<String> available() {
        List<String> out = new ArrayList<>(renderers.stream().map(r -> r.format().extension()).toList());
        out.add("json");
        out.add(TOPIC_GUIDE);
        return out;
    }

    /**
     * @param formats requested formats (html, pdf, docx, xlsx, csv, json); a format this build cannot render
     *                is an error naming it, never silently skipped
     */
    public List<RunArtifact> render(StudyResult result, ReportContext context, List<String> formats,
                                    List<LoadIssue> issues, int issueCount) {
        return render(result, context, formats, issues, issueCount, TopicGuideTemplate.english());
    }

    /** As {@link #render(StudyResult, ReportContext, List, List, int)}, the topic guide in this wording. */
    public List<RunArtifact> render(StudyResult result, ReportContext context, List<String> formats,
                                    List<LoadIssue> issues, int issueCount, TopicGuideTemplate topicGuide) {
        // every format is checked before any is rendered; then they render side by side (DOCX, the slowest,
        // beside the rest), and the files keep the order of the formats
        List<java.util.concurrent.Callable<List<RunArtifact>>> tasks = new ArrayList<>();
        for (String format : formats) {
            tasks.add(task(format.toLowerCase(Locale.ROOT), result, context, topicGuide));
        }
        List<RunArtifact> out = new ArrayList<>();
        for (List<RunArtifact> files : RenderPool.runAll(tasks)) {
            out.addAll(files);
        }
        out.add(new RunArtifact(EXCLUSIONS, "text/csv; charset=utf-8", exclusionsCsv(issues, issueCount)));
        return out;
    }

    private java.util.concurrent.Callable<List<RunArtifact>> task(String f, StudyResult result, ReportContext context,
                                                                  TopicGuideTemplate topicGuide) {
        if (f.equals(TOPIC_GUIDE)) {
            return () -> {
                TopicGuide guide = TopicGuide.of(result, topicGuide);
                TopicGuideRenderer docx = TopicGuideRenderer.docx();
                return List.of(new RunArtifact(TOPIC_GUIDE_HTML, "text/html; charset=utf-8",
                                TopicGuideRenderer.html().render(guide, context)),
                        new RunArtifact(TOPIC_GUIDE_DOCX, docx.format().mediaType(), docx.render(guide, context)));
            };
        }
        if (f.equals("json")) {
            return () -> List.of(new RunArtifact("result.json", "application/json",
                    StudyResultJson.write(result).getBytes(StandardCharsets.UTF_8)));
        }
        ReportRenderer renderer = renderers.stream().filter(r -> r.format().extension().equals(f)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Concord cannot render '" + f + "' reports; available: "
                        + available() + ". Correct publish.formats."));
        return () -> {
            List<RunArtifact> files = new ArrayList<>();
            files.add(new RunArtifact("report." + renderer.format().extension(), renderer.format().mediaType(),
                    renderer.render(result, context)));
            if (renderer instanceof CsvReportRenderer csv) {
                roundsCsv(csv, result).ifPresent(files::add);
            }
            return files;
        };
    }

    private static java.util.Optional<RunArtifact> roundsCsv(CsvReportRenderer csv, StudyResult result) {
        try {
            return csv.rounds(result).map(bytes -> new RunArtifact(ROUNDS, "text/csv; charset=utf-8", bytes));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("rounds.csv could not be written: " + e.getMessage(), e);
        }
    }

    static byte[] exclusionsCsv(List<LoadIssue> issues, int issueCount) {
        StringBuilder csv = new StringBuilder("record,field,value,problem\r\n");
        for (LoadIssue issue : issues) {
            csv.append(cell(issue.record())).append(',').append(cell(issue.field())).append(',')
                    .append(cell(issue.value())).append(',').append(cell(issue.problem())).append("\r\n");
        }
        if (issueCount > issues.size()) {
            csv.append(",,,").append(cell((issueCount - issues.size()) + " more not listed")).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula. */
    private static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return v.matches(".*[\",\r\n].*") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}

package concord.server.publish;

import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import concord.server.load.LoadIssue;
import concord.server.run.RunArtifact;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders one result into the configured report files, plus {@code exclusions.csv} (the values the
 * run left out and why). File names are stable ({@code report.html}, …); the publisher dates them.
 */
public final class ReportFiles {
    public static final String EXCLUSIONS = "exclusions.csv";

    /** Formats this build can render (the report renderers join as the analysis.report module lands). */
    public List<String> available() {
        return List.of("json");
    }

    /**
     * @param formats requested formats (html, pdf, xlsx, csv, json); a format this build cannot render
     *                is an error naming it, never silently skipped
     */
    public List<RunArtifact> render(StudyResult result, Map<String, String> provenance, List<String> formats,
                                    List<LoadIssue> issues, int issueCount) {
        List<RunArtifact> out = new ArrayList<>();
        for (String format : formats) {
            String f = format.toLowerCase(Locale.ROOT);
            if (f.equals("json")) {
                out.add(new RunArtifact("result.json", "application/json",
                        StudyResultJson.write(result).getBytes(StandardCharsets.UTF_8)));
                continue;
            }
            throw new IllegalArgumentException("This Concord build cannot render '" + f
                    + "' reports; available: " + available() + ". Remove it from publish.formats.");
        }
        out.add(new RunArtifact(EXCLUSIONS, "text/csv; charset=utf-8", exclusionsCsv(issues, issueCount)));
        return out;
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

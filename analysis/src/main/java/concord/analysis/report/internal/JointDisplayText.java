package concord.analysis.report.internal;

import concord.analysis.Band;
import concord.analysis.GroupSummary;
import concord.analysis.JointDisplay;
import concord.analysis.JointDisplayGroup;
import concord.analysis.JointDisplayQuote;
import concord.analysis.JointDisplayRow;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import java.util.ArrayList;
import java.util.List;

/**
 * The texts of the joint display (the paper's Table 2) shared by the HTML, PDF, DOCX and dashboard
 * renderings: headers, each group's "% top band" and "mean (SD)" with the marker of the group that
 * rated the outcome higher, quotes with their speaker codes, and the outcomes without qualitative data.
 */
public final class JointDisplayText {
    /** The marker after the figures of the group that rated an outcome higher (ASCII: every font has it). */
    public static final String HIGHER = "*";
    public static final String CAPTION = "Joint display of the survey results and the qualitative data (Table 2)";

    private final StudyResult result;
    private final ResultView view;
    private final JointDisplay display;

    public JointDisplayText(StudyResult result) {
        this.result = result;
        this.view = new ResultView(result);
        this.display = result.jointDisplay().orElseThrow(() -> new IllegalArgumentException("the result has no joint display"));
    }

    public JointDisplay display() {
        return display;
    }

    public List<GroupSummary> groups() {
        return result.groups();
    }

    /** Column headers: outcome, domain, core area, per group "% 7–9" and "mean (SD)", theme, quotes. */
    public List<String> headers() {
        List<String> headers = new ArrayList<>(List.of("Outcome", "COMET domain", "Core area"));
        for (GroupSummary g : result.groups()) {
            headers.add(g.label() + ": % " + view.bandRange(Band.TOP));
            headers.add(g.label() + ": mean (SD)");
        }
        headers.add("Theme");
        headers.add("Quotes");
        return headers;
    }

    public static String percent(JointDisplayGroup g) {
        return g.pctTop().isPresent() ? Numbers.percent(g.pctTop().getAsDouble()) : Numbers.NOT_COMPUTABLE;
    }

    /** "7.9 (1.1)", with {@link #HIGHER} after the figures of the group that rated the outcome higher. */
    public static String meanSd(JointDisplayGroup g) {
        String text;
        if (g.mean().isEmpty()) {
            text = Numbers.NOT_COMPUTABLE;
        } else if (g.sd().isEmpty()) {
            text = Numbers.oneDecimal(g.mean().getAsDouble()) + " (" + Numbers.NOT_COMPUTABLE + ")";
        } else {
            text = Numbers.meanSd(g.mean().getAsDouble(), g.sd().getAsDouble());
        }
        return g.higher() ? text + " " + HIGHER : text;
    }

    /** The quote in curly quotes followed by its speaker code, or by its group when it has none. */
    public static String quote(JointDisplayQuote q) {
        return "\u201C" + q.text() + "\u201D (" + (q.speaker().isEmpty() ? q.groupLabel() : q.speaker()) + ")";
    }

    /** The notes printed below the table. */
    public List<String> notes() {
        List<String> notes = new ArrayList<>();
        notes.add(HIGHER + " the group that rated the outcome higher (higher mean score; on equal means, the higher % "
                + view.bandRange(Band.TOP) + "). Speaker codes as entered with each quote.");
        List<String> differing = display.withoutQualitativeData().stream().filter(o -> o.comparison().differs())
                .map(o -> o.outcome().label()).toList();
        List<String> other = display.withoutQualitativeData().stream().filter(o -> !o.comparison().differs())
                .map(o -> o.outcome().label()).toList();
        notes.add("Outcomes that differ between groups without qualitative data: "
                + (differing.isEmpty() ? "none" : String.join("; ", differing)) + ".");
        notes.add("Other outcomes without qualitative data: " + (other.isEmpty() ? "none" : String.join("; ", other)) + ".");
        return notes;
    }

    /** Every text the joint display shows that came from REDCap (for the fonts' glyph check). */
    public static List<String> texts(StudyResult result) {
        List<String> texts = new ArrayList<>();
        result.jointDisplay().ifPresent(d -> {
            for (JointDisplayRow row : d.rows()) {
                texts.add(row.coreArea());
                row.themes().forEach(t -> {
                    texts.add(t.theme());
                    t.quotes().forEach(q -> texts.add(quote(q)));
                });
            }
            d.withoutQualitativeData().stream().map(OutcomeResult::outcome).forEach(o -> texts.add(o.label()));
        });
        return texts;
    }
}

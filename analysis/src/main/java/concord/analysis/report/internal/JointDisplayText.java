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

    private final StudyResult result;
    private final ResultView view;
    private final JointDisplay display;

    public JointDisplayText(StudyResult result) {
        this(new ResultView(result));
    }

    public JointDisplayText(ResultView view) {
        this.result = view.result();
        this.view = view;
        this.display = result.jointDisplay().orElseThrow(() -> new IllegalArgumentException("the result has no joint display"));
    }

    public JointDisplay display() {
        return display;
    }

    /** "Joint display of the survey results and the qualitative data (Table 2)". */
    public String caption() {
        return view.words().text("joint.caption");
    }

    public List<GroupSummary> groups() {
        return result.groups();
    }

    /** Column headers: outcome, domain, core area, per group "% 7–9" and "mean (SD)", theme, quotes. */
    public List<String> headers() {
        ReportWords w = view.words();
        List<String> headers = new ArrayList<>(List.of(w.text("column.outcome"), w.text("column.cometDomain"), w.text("column.coreArea")));
        for (GroupSummary g : result.groups()) {
            headers.add(w.format("column.groupTop", "group", g.label(), "band", view.bandRange(Band.TOP)));
            headers.add(w.format("column.groupMeanSd", "group", g.label()));
        }
        headers.add(w.text("column.theme"));
        headers.add(w.text("column.quotes"));
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
        ReportWords w = view.words();
        notes.add(w.format("joint.noteMarker", "marker", HIGHER, "band", view.bandRange(Band.TOP)));
        List<String> differing = display.withoutQualitativeData().stream().filter(o -> o.comparison().differs())
                .map(o -> o.outcome().label()).toList();
        List<String> other = display.withoutQualitativeData().stream().filter(o -> !o.comparison().differs())
                .map(o -> o.outcome().label()).toList();
        notes.add(w.format("joint.noteDiffering", "list", differing.isEmpty() ? w.text("list.none") : w.list(differing)));
        notes.add(w.format("joint.noteOther", "list", other.isEmpty() ? w.text("list.none") : w.list(other)));
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

package concord.analysis.report.internal;

import java.util.List;

/**
 * Per domain: how many outcomes it holds, how many each group rates critical, and how many differ
 * between the groups, as grouped horizontal bars on one count axis.
 */
public final class DomainSummaryChart {

    public static final double WIDTH = 760;
    private static final double LABEL_END = 236;
    private static final double BAR_X = 244;
    private static final double BAR_W = 460;
    private static final double BAR_H = 8;
    private static final double GAP = 2;
    private static final double DOMAIN_GAP = 10;
    private static final double TOP = 44;

    private final ResultView view;
    private final List<ResultView.DomainRow> rows;
    private final int max;

    public DomainSummaryChart(ResultView view) {
        this(view, view.domainSummary());
    }

    /** A chart of some of the domains (for paging), on the count axis of all of them. */
    public DomainSummaryChart(ResultView view, List<ResultView.DomainRow> rows) {
        this.view = view;
        this.rows = List.copyOf(rows);
        this.max = Math.max(1, view.domainSummary().stream().mapToInt(ResultView.DomainRow::outcomes).max().orElse(1));
    }

    /** How many domains fit into {@code height} chart units. */
    public static int domainsFitting(double height, int groups) {
        double block = (groups + 2) * (BAR_H + GAP) + DOMAIN_GAP;
        return Math.max(1, (int) Math.floor((height - TOP - 22) / block));
    }

    public String title() {
        return view.words().text("domains.chart.title");
    }

    public String description() {
        ReportWords w = view.words();
        java.util.List<String> sentences = new java.util.ArrayList<>();
        for (ResultView.DomainRow row : rows) {
            StringBuilder critical = new StringBuilder();
            for (int g = 0; g < view.groups().size(); g++) {
                critical.append(w.format("domains.chart.critical", "n", row.criticalPerGroup().get(g), "group", view.groups().get(g).label()));
            }
            sentences.add(w.format("domains.chart.domain", "domain", row.domain(), "outcomes", row.outcomes(), "critical", critical,
                    "differing", row.differing()));
        }
        return String.join(w.text("sentence.separator"), sentences).trim();
    }

    private int bars() {
        return view.groups().size() + 2;
    }

    private double blockHeight() {
        return bars() * (BAR_H + GAP) + DOMAIN_GAP;
    }

    public double height() {
        return TOP + rows.size() * blockHeight() + 22;
    }

    public void draw(Canvas canvas) {
        legend(canvas);
        double y = TOP;
        for (ResultView.DomainRow row : rows) {
            canvas.beginGroup(row.domain());
            double middle = y + (bars() * (BAR_H + GAP)) / 2 + 3;
            canvas.text(LABEL_END, middle, Svg.shorten(row.domain(), 38), Canvas.Anchor.END, 11, Palette.TEXT, false);
            double barY = y;
            bar(canvas, barY, row.outcomes(), Palette.NEUTRAL,
                    view.words().format("domains.chart.outcomesTip", "domain", row.domain(), "n", row.outcomes()));
            barY += BAR_H + GAP;
            for (int g = 0; g < view.groups().size(); g++) {
                int critical = row.criticalPerGroup().get(g);
                bar(canvas, barY, critical, Palette.group(g),
                        view.words().format("domains.chart.criticalTip", "domain", row.domain(), "n", critical,
                                "group", view.groups().get(g).label()));
                barY += BAR_H + GAP;
            }
            bar(canvas, barY, row.differing(), Palette.DIFFERING,
                    view.words().format("domains.chart.differingTip", "domain", row.domain(), "n", row.differing()));
            canvas.endGroup();
            y += blockHeight();
        }
        for (int tick = 0; tick <= max; tick += Math.max(1, max / 6)) {
            double x = BAR_X + BAR_W * tick / max;
            canvas.line(x, TOP - 4, x, y - DOMAIN_GAP + 2, Palette.GRID, 0.5);
            canvas.text(x, y + 8, Integer.toString(tick), Canvas.Anchor.MIDDLE, 9, Palette.MUTED_TEXT, false);
        }
    }

    private void bar(Canvas canvas, double y, int count, String fill, String tooltip) {
        double w = BAR_W * count / max;
        canvas.rect(BAR_X, y, w, BAR_H, fill, tooltip);
        canvas.text(BAR_X + w + 4, y + BAR_H - 0.5, Integer.toString(count), Canvas.Anchor.START, 8.5, Palette.TEXT, false);
    }

    private void legend(Canvas canvas) {
        canvas.text(0, 14, view.words().text("column.domain"), Canvas.Anchor.START, 11, Palette.TEXT, true);
        double x = BAR_X;
        x = swatch(canvas, view.words(), x, Palette.NEUTRAL, view.words().text("domains.chart.legendOutcomes"));
        for (int g = 0; g < view.groups().size(); g++) {
            x = swatch(canvas, view.words(), x, Palette.group(g),
                    view.words().format("domains.chart.legendCritical", "group", Svg.shorten(view.groups().get(g).label(), 14)));
        }
        swatch(canvas, view.words(), x, Palette.DIFFERING, view.words().text("domains.chart.legendDiffering"));
    }

    private static double swatch(Canvas canvas, ReportWords words, double x, String fill, String label) {
        canvas.rect(x, 6, 10, 10, fill, null);
        canvas.text(x + 14, 15, label, Canvas.Anchor.START, 10, Palette.TEXT, false);
        return x + 22 + words.legendWidth(label) * 5.6;
    }
}

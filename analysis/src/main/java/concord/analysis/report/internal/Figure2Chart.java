package concord.analysis.report.internal;

import concord.analysis.Band;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeResult;
import concord.analysis.RatingScale;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The paper's Figure 2: for each outcome, one 100% stacked bar per group (share scoring in the top,
 * middle and bottom band) and, on the right, each group's mean score on the rating scale.
 */
public final class Figure2Chart {

    public static final double WIDTH = 960;
    private static final double LABEL_END = 248;
    private static final double GROUP_X = 254;
    private static final double BAR_X = 336;
    private static final double BAR_W = 360;
    private static final double MEAN_X = 730;
    private static final double MEAN_W = 210;
    private static final double BAR_H = 14;
    private static final double BAR_GAP = 3;
    private static final double OUTCOME_GAP = 12;
    private static final double TOP = 66;

    private final ResultView view;
    private final List<OutcomeResult> outcomes;

    public Figure2Chart(ResultView view, List<OutcomeResult> outcomes) {
        this.view = view;
        this.outcomes = List.copyOf(outcomes);
    }

    /** How many outcomes fit into {@code height} chart units with {@code groups} bars each. */
    public static int outcomesFitting(double height, int groups) {
        double block = groups * (BAR_H + BAR_GAP) + OUTCOME_GAP;
        return Math.max(1, (int) Math.floor((height - TOP - 8) / block));
    }

    public double height() {
        return TOP + outcomes.size() * blockHeight() + 8;
    }

    private double blockHeight() {
        return view.groups().size() * (BAR_H + BAR_GAP) + OUTCOME_GAP;
    }

    public String title() {
        return view.words().text("figure2.title");
    }

    public String description() {
        return view.words().format("figure2.description", "count", outcomes.size(), "top", view.bandRange(Band.TOP),
                "middle", view.bandRange(Band.MIDDLE), "bottom", view.bandRange(Band.BOTTOM),
                "min", view.result().scale().min(), "max", view.result().scale().max());
    }

    public void draw(Canvas canvas) {
        legend(canvas);
        axes(canvas);
        double y = TOP;
        for (OutcomeResult outcome : outcomes) {
            canvas.beginGroup(outcome.outcome().label());
            String label = outcome.outcome().label();
            double blockMiddle = y + (view.groups().size() * (BAR_H + BAR_GAP) - BAR_GAP) / 2 + 4;
            canvas.text(LABEL_END, blockMiddle, Svg.shorten(label, 42), Canvas.Anchor.END, 11, Palette.TEXT, false);
            for (int g = 0; g < view.groups().size(); g++) {
                GroupSummary group = view.groups().get(g);
                double rowY = y + g * (BAR_H + BAR_GAP);
                drawGroupRow(canvas, outcome, group, g, rowY);
            }
            canvas.endGroup();
            y += blockHeight();
            canvas.line(0, y - OUTCOME_GAP / 2, WIDTH, y - OUTCOME_GAP / 2, Palette.GRID, 0.5);
        }
    }

    private void drawGroupRow(Canvas canvas, OutcomeResult outcome, GroupSummary group, int index, double y) {
        canvas.text(GROUP_X, y + BAR_H - 3, Svg.shorten(group.label(), 12), Canvas.Anchor.START, 10, Palette.group(index), true);
        Optional<GroupStatistics> stats = view.stats(outcome, group);
        if (stats.isEmpty() || stats.get().pctTop().isEmpty()) {
            canvas.text(BAR_X + 4, y + BAR_H - 3, Numbers.NOT_COMPUTABLE + " " + view.words().text("figure2.noValidAnswers"), Canvas.Anchor.START, 10, Palette.MUTED_TEXT, false);
            return;
        }
        double x = BAR_X;
        for (Band band : ResultView.bandsTopFirst()) {
            OptionalDouble pct = ResultView.bandPercent(stats.get(), band);
            double value = pct.orElse(0);
            double w = BAR_W * value / 100;
            String tip = view.words().format("figure2.barTip", "group", group.label(), "outcome", outcome.outcome().label(),
                    "percent", Numbers.percent(value), "band", view.bandRange(band), "n", stats.get().n());
            canvas.rect(x, y, w, BAR_H, Palette.band(band), tip);
            if (w >= 30) {
                canvas.text(x + w / 2, y + BAR_H - 3.5, Numbers.percent(value), Canvas.Anchor.MIDDLE, 9, Palette.onBand(band), false);
            }
            x += w;
        }
        OptionalDouble mean = stats.get().mean();
        if (mean.isPresent()) {
            double cx = meanX(mean.getAsDouble());
            canvas.circle(cx, y + BAR_H / 2, 4.5, Palette.group(index),
                    view.words().format("figure2.meanTip", "group", group.label(), "mean", Numbers.oneDecimal(mean.getAsDouble())));
            canvas.text(cx + 8, y + BAR_H - 3, Numbers.oneDecimal(mean.getAsDouble()), Canvas.Anchor.START, 9, Palette.TEXT, false);
        }
    }

    private double meanX(double mean) {
        RatingScale scale = view.result().scale();
        return MEAN_X + MEAN_W * (mean - scale.min()) / (scale.max() - scale.min());
    }

    private void axes(Canvas canvas) {
        double axisY = TOP - 8;
        for (int pct = 0; pct <= 100; pct += 25) {
            double x = BAR_X + BAR_W * pct / 100;
            canvas.line(x, axisY, x, axisY + 4, Palette.MUTED_TEXT, 0.75);
            canvas.text(x, axisY - 3, pct + "%", Canvas.Anchor.MIDDLE, 9, Palette.MUTED_TEXT, false);
        }
        RatingScale scale = view.result().scale();
        int step = Math.max(1, (scale.max() - scale.min()) / 8);
        for (int s = scale.min(); s <= scale.max(); s += step) {
            double x = meanX(s);
            canvas.line(x, axisY, x, height() - 8, Palette.GRID, 0.5);
            canvas.text(x, axisY - 3, Integer.toString(s), Canvas.Anchor.MIDDLE, 9, Palette.MUTED_TEXT, false);
        }
        canvas.text(MEAN_X + MEAN_W / 2, 34, view.words().text("figure2.axisMean"), Canvas.Anchor.MIDDLE, 11, Palette.TEXT, true);
        canvas.text(BAR_X + BAR_W / 2, 34, view.words().text("figure2.axisPercent"), Canvas.Anchor.MIDDLE, 11, Palette.TEXT, true);
    }

    private void legend(Canvas canvas) {
        double x = BAR_X;
        canvas.text(LABEL_END, 34, view.words().text("column.outcome"), Canvas.Anchor.END, 11, Palette.TEXT, true);
        for (Band band : ResultView.bandsTopFirst()) {
            canvas.rect(x, 5, 11, 11, Palette.band(band), null);
            canvas.frame(x, 5, 11, 11, Palette.MUTED_TEXT);
            String text = Svg.shorten(view.bandRange(band) + " " + view.words().bandLabel(band), 34);
            canvas.text(x + 15, 14, text, Canvas.Anchor.START, 10, Palette.TEXT, false);
            x += 30 + view.words().legendWidth(text) * 5.6;
        }
    }
}

package concord.analysis.report.internal;

import concord.analysis.GroupSummary;
import concord.analysis.OutcomeResult;
import java.util.List;

/**
 * Which outcomes each group rates critical. Two groups: a 2×2 grid (rows: first group critical or
 * not; columns: second group) listing the outcomes in each cell. More groups: one bar per pattern.
 */
public final class ConsensusMatrixChart {

    public static final double WIDTH = 760;
    private static final int LISTED = 12;
    private static final double LINE = 14;
    private static final double HEAD = 46;
    private static final double ROW_HEAD = 150;
    private static final double CELL_W = (WIDTH - ROW_HEAD) / 2;

    private final ResultView view;
    private final List<ResultView.ConsensusCell> cells;

    public ConsensusMatrixChart(ResultView view) {
        this.view = view;
        this.cells = view.consensusMatrix();
    }

    public String title() {
        return view.words().text("consensus.chart.title");
    }

    public String description() {
        List<String> sentences = new java.util.ArrayList<>();
        for (ResultView.ConsensusCell cell : cells) {
            sentences.add(view.words().format("consensus.chart.cell", "label", cell.label(), "n", cell.outcomes().size()));
        }
        return String.join(view.words().text("sentence.separator"), sentences).trim();
    }

    public double height() {
        if (!isGrid()) {
            return HEAD + cells.size() * 24 + 8;
        }
        return HEAD + cellHeight(0, 1) + cellHeight(2, 3) + 2;
    }

    private boolean isGrid() {
        return view.groups().size() == 2;
    }

    private double cellHeight(int a, int b) {
        int lines = Math.max(listedLines(cells.get(a)), listedLines(cells.get(b)));
        return 30 + lines * LINE + 8;
    }

    private static int listedLines(ResultView.ConsensusCell cell) {
        int n = cell.outcomes().size();
        return n <= LISTED ? n : LISTED + 1;
    }

    public void draw(Canvas canvas) {
        if (isGrid()) {
            drawGrid(canvas);
        } else {
            drawBars(canvas);
        }
    }

    private void drawGrid(Canvas canvas) {
        GroupSummary a = view.groups().get(0);
        GroupSummary b = view.groups().get(1);
        canvas.text(ROW_HEAD + CELL_W, 14, Svg.shorten(b.label(), 40), Canvas.Anchor.MIDDLE, 12, Palette.group(1), true);
        String critical = view.words().text("consensus.chart.critical");
        String notCritical = view.words().text("consensus.chart.notCritical");
        canvas.text(ROW_HEAD + CELL_W / 2, 36, critical, Canvas.Anchor.MIDDLE, 11, Palette.TEXT, false);
        canvas.text(ROW_HEAD + CELL_W * 1.5, 36, notCritical, Canvas.Anchor.MIDDLE, 11, Palette.TEXT, false);
        double top = HEAD;
        double firstRow = cellHeight(0, 1);
        double secondRow = cellHeight(2, 3);
        canvas.text(6, top + 18, Svg.shorten(a.label(), 22), Canvas.Anchor.START, 12, Palette.group(0), true);
        canvas.text(6, top + 34, critical, Canvas.Anchor.START, 11, Palette.TEXT, false);
        canvas.text(6, top + firstRow + 18, Svg.shorten(a.label(), 22), Canvas.Anchor.START, 12, Palette.group(0), true);
        canvas.text(6, top + firstRow + 34, notCritical, Canvas.Anchor.START, 11, Palette.TEXT, false);
        // ConsensusCell order for two groups: both, only first, only second, neither.
        drawCell(canvas, cells.get(0), ROW_HEAD, top, firstRow, "#C6DBEF");
        drawCell(canvas, cells.get(1), ROW_HEAD + CELL_W, top, firstRow, "#FDE0C5");
        drawCell(canvas, cells.get(2), ROW_HEAD, top + firstRow, secondRow, "#FDE0C5");
        drawCell(canvas, cells.get(3), ROW_HEAD + CELL_W, top + firstRow, secondRow, "#F2F2F2");
    }

    private void drawCell(Canvas canvas, ResultView.ConsensusCell cell, double x, double y, double h, String fill) {
        canvas.beginGroup(view.words().format("consensus.chart.group", "label", cell.label(), "n", cell.outcomes().size()));
        canvas.rect(x, y, CELL_W, h, fill, null);
        canvas.frame(x, y, CELL_W, h, "#FFFFFF");
        canvas.text(x + 10, y + 20, cell.outcomes().size() + " \u00B7 " + cell.label(), Canvas.Anchor.START, 12, Palette.TEXT, true);
        double line = y + 20 + LINE + 2;
        List<OutcomeResult> outcomes = cell.outcomes();
        for (int i = 0; i < Math.min(LISTED, outcomes.size()); i++) {
            canvas.text(x + 14, line, Svg.shorten(outcomes.get(i).outcome().label(), 46), Canvas.Anchor.START, 10.5, Palette.TEXT, false);
            line += LINE;
        }
        if (outcomes.size() > LISTED) {
            canvas.text(x + 14, line, view.words().format("consensus.chart.more", "n", outcomes.size() - LISTED), Canvas.Anchor.START, 10.5, Palette.MUTED_TEXT, false);
        }
        canvas.endGroup();
    }

    private void drawBars(Canvas canvas) {
        int total = view.result().outcomes().size();
        canvas.text(0, 16, view.words().format("consensus.chart.bars", "total", total), Canvas.Anchor.START, 12, Palette.TEXT, true);
        double y = HEAD;
        double barX = 330;
        double barW = WIDTH - barX - 60;
        for (ResultView.ConsensusCell cell : cells) {
            double w = total == 0 ? 0 : barW * cell.outcomes().size() / total;
            canvas.text(barX - 8, y + 12, Svg.shorten(cell.label(), 52), Canvas.Anchor.END, 11, Palette.TEXT, false);
            canvas.rect(barX, y, w, 16, "#4292C6", cell.label() + ": " + cell.outcomes().size());
            canvas.text(barX + w + 6, y + 12, Integer.toString(cell.outcomes().size()), Canvas.Anchor.START, 11, Palette.TEXT, true);
            y += 24;
        }
    }
}

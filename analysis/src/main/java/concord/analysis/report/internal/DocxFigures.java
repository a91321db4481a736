package concord.analysis.report.internal;

import concord.analysis.OutcomeResult;
import java.util.List;
import java.util.function.Consumer;

/**
 * The report's charts as PNG figures in a Word document: each chart is drawn by the same code as the
 * SVG and PDF ones, at most at its SVG size and at most the page width, split over pages like the
 * PDF's (Figure 2 in balanced chunks of outcomes, the domain summary by domains) so no figure is
 * shrunk below legibility. The chart's description becomes the picture's alternative text.
 */
public final class DocxFigures {

    /** Height in points left for a figure under its caption on a landscape page. */
    private static final double AVAILABLE_POINTS = 440;

    private final DocxDocument doc;
    private final ResultView view;
    private final ChartFonts fonts;

    public DocxFigures(DocxDocument doc, ResultView view, ChartFonts fonts) {
        this.doc = doc;
        this.view = view;
        this.fonts = fonts;
    }

    /** Figure 2: one figure per page-sized chunk of differing outcomes. */
    public void figure2() {
        List<OutcomeResult> differing = view.result().differingOutcomes();
        if (differing.isEmpty()) {
            doc.paragraph("Normal", view.words().text("figure2.none"));
            return;
        }
        int fitting = Figure2Chart.outcomesFitting(AVAILABLE_POINTS / pointsPerUnit(Figure2Chart.WIDTH), view.groups().size());
        int pages = (differing.size() + fitting - 1) / fitting;
        int perPage = (differing.size() + pages - 1) / pages; // balanced, as in the PDF
        for (int from = 0; from < differing.size(); from += perPage) {
            List<OutcomeResult> part = differing.subList(from, Math.min(differing.size(), from + perPage));
            if (from > 0) {
                doc.pageBreak();
            }
            doc.paragraph("Caption", differing.size() > perPage
                    ? view.words().format("figure2.pageTitlePart", "from", from + 1, "to", from + part.size(), "total", differing.size())
                    : view.words().text("figure2.pageTitle"));
            Figure2Chart chart = new Figure2Chart(view, part);
            picture("figure2-" + (from + 1) + ".png", Figure2Chart.WIDTH, chart.height(), chart.description(), chart::draw);
        }
        doc.paragraph("Note", view.words().text("figure2.caption"));
    }

    public void consensusMatrix() {
        ConsensusMatrixChart chart = new ConsensusMatrixChart(view);
        doc.paragraph("Caption", view.words().text("heading.consensus"));
        picture("consensus-matrix.png", ConsensusMatrixChart.WIDTH, chart.height(), chart.description(), chart::draw);
    }

    public void domainSummary() {
        List<ResultView.DomainRow> rows = view.domainSummary();
        int perPage = DomainSummaryChart.domainsFitting(AVAILABLE_POINTS / pointsPerUnit(DomainSummaryChart.WIDTH), view.groups().size());
        for (int from = 0; from < rows.size(); from += perPage) {
            List<ResultView.DomainRow> part = rows.subList(from, Math.min(rows.size(), from + perPage));
            if (from > 0) {
                doc.pageBreak();
            }
            doc.paragraph("Caption", rows.size() > perPage
                    ? view.words().format("domains.pageTitlePart", "from", from + 1, "to", from + part.size(), "total", rows.size())
                    : view.words().text("heading.domains"));
            DomainSummaryChart chart = new DomainSummaryChart(view, part);
            picture("domain-summary-" + (from + 1) + ".png", DomainSummaryChart.WIDTH, chart.height(), chart.description(), chart::draw);
        }
    }

    /** Points per chart unit: the SVG size (0.75 pt per unit) or less to fit the page width. */
    private double pointsPerUnit(double width) {
        return Math.min(0.75, doc.textWidth() / 20.0 / width);
    }

    private void picture(String name, double width, double height, String description, Consumer<Canvas> draw) {
        ChartPng png = ChartPng.draw(width, height, fonts, description, draw);
        doc.picture(png.png(), png.pixelWidth(), png.pixelHeight(), ChartPng.PIXELS_PER_POINT, name, description);
    }
}

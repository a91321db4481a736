package concord.analysis.report.internal;

import concord.analysis.OutcomeResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * The report's charts as PNG figures in a Word document: each chart is drawn by the same code as the
 * SVG and PDF ones, at most at its SVG size and at most the page width, split over pages like the
 * PDF's (Figure 2 in balanced chunks of outcomes, the domain summary by domains) so no figure is
 * shrunk below legibility. The chart's description becomes the picture's alternative text.
 *
 * <p>Every chart starts drawing (rasterising and PNG encoding, a third of the DOCX's time) on the common pool when
 * this is made, while the document's text and tables are built; each is inserted, in document order, when the
 * document reaches it. The bytes are those of drawing them one after the other.
 */
public final class DocxFigures {

    /** Height in points left for a figure under its caption on a landscape page. */
    private static final double AVAILABLE_POINTS = 440;

    private final DocxDocument doc;
    private final ResultView view;
    private final List<Chart> figure2;
    private final Chart consensus;
    private final List<Chart> domains;

    /** One chart: its file name, caption and the PNG being drawn. */
    private record Chart(String name, String caption, String description, CompletableFuture<ChartPng> png) {
    }

    public DocxFigures(DocxDocument doc, ResultView view, ChartFonts fonts) {
        this.doc = doc;
        this.view = view;
        List<OutcomeResult> differing = view.result().differingOutcomes();
        this.figure2 = new ArrayList<>();
        if (!differing.isEmpty()) {
            int fitting = Figure2Chart.outcomesFitting(AVAILABLE_POINTS / pointsPerUnit(Figure2Chart.WIDTH), view.groups().size());
            int pages = (differing.size() + fitting - 1) / fitting;
            int perPage = (differing.size() + pages - 1) / pages; // balanced, as in the PDF
            for (int from = 0; from < differing.size(); from += perPage) {
                List<OutcomeResult> part = differing.subList(from, Math.min(differing.size(), from + perPage));
                Figure2Chart chart = new Figure2Chart(view, part);
                String caption = differing.size() > perPage
                        ? view.words().format("figure2.pageTitlePart", "from", from + 1, "to", from + part.size(), "total", differing.size())
                        : view.words().text("figure2.pageTitle");
                figure2.add(start("figure2-" + (from + 1) + ".png", caption, Figure2Chart.WIDTH, chart.height(),
                        chart.description(), chart::draw, fonts));
            }
        }
        ConsensusMatrixChart matrix = new ConsensusMatrixChart(view);
        this.consensus = start("consensus-matrix.png", view.words().text("heading.consensus"), ConsensusMatrixChart.WIDTH,
                matrix.height(), matrix.description(), matrix::draw, fonts);
        List<ResultView.DomainRow> rows = view.domainSummary();
        this.domains = new ArrayList<>();
        int perPage = DomainSummaryChart.domainsFitting(AVAILABLE_POINTS / pointsPerUnit(DomainSummaryChart.WIDTH), view.groups().size());
        for (int from = 0; from < rows.size(); from += perPage) {
            List<ResultView.DomainRow> part = rows.subList(from, Math.min(rows.size(), from + perPage));
            DomainSummaryChart chart = new DomainSummaryChart(view, part);
            String caption = rows.size() > perPage
                    ? view.words().format("domains.pageTitlePart", "from", from + 1, "to", from + part.size(), "total", rows.size())
                    : view.words().text("heading.domains");
            domains.add(start("domain-summary-" + (from + 1) + ".png", caption, DomainSummaryChart.WIDTH, chart.height(),
                    chart.description(), chart::draw, fonts));
        }
    }

    /** Figure 2: one figure per page-sized chunk of differing outcomes. */
    public void figure2() {
        if (figure2.isEmpty()) {
            doc.paragraph("Normal", view.words().text("figure2.none"));
            return;
        }
        for (int i = 0; i < figure2.size(); i++) {
            if (i > 0) {
                doc.pageBreak();
            }
            insert(figure2.get(i));
        }
        doc.paragraph("Note", view.words().text("figure2.caption"));
    }

    public void consensusMatrix() {
        insert(consensus);
    }

    public void domainSummary() {
        for (int i = 0; i < domains.size(); i++) {
            if (i > 0) {
                doc.pageBreak();
            }
            insert(domains.get(i));
        }
    }

    /** Points per chart unit: the SVG size (0.75 pt per unit) or less to fit the page width. */
    private double pointsPerUnit(double width) {
        return Math.min(0.75, doc.textWidth() / 20.0 / width);
    }

    private static Chart start(String name, String caption, double width, double height, String description,
                               Consumer<Canvas> draw, ChartFonts fonts) {
        return new Chart(name, caption, description,
                CompletableFuture.supplyAsync(() -> ChartPng.draw(width, height, fonts, description, draw)));
    }

    private void insert(Chart chart) {
        doc.paragraph("Caption", chart.caption());
        ChartPng png;
        try {
            png = chart.png().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
        doc.picture(png.png(), png.pixelWidth(), png.pixelHeight(), ChartPng.PIXELS_PER_POINT, chart.name(), chart.description());
    }
}

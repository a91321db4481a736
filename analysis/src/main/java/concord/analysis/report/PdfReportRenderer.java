package concord.analysis.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import concord.analysis.internal.Messages;
import concord.analysis.report.internal.ConsensusMatrixChart;
import concord.analysis.report.internal.DomainSummaryChart;
import concord.analysis.report.internal.Figure2Chart;
import concord.analysis.report.internal.FontChoice;
import concord.analysis.report.internal.Footnotes;
import concord.analysis.report.internal.PdfCanvas;
import concord.analysis.report.internal.PdfFonts;
import concord.analysis.report.internal.PdfMetadata;
import concord.analysis.report.internal.JointDisplayText;
import concord.analysis.report.internal.PdfTables;
import concord.analysis.report.internal.ReportTexts;
import concord.analysis.report.internal.ReportWords;
import concord.analysis.report.internal.ResultView;
import concord.analysis.report.internal.RoundsTables;
import concord.analysis.report.internal.RoundsView;
import concord.analysis.report.internal.Summary;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A printable PDF report on A4 landscape: summary, Figure 2, consensus matrix and domain summary
 * drawn as vector graphics, Table 1, participant characteristics and methods. Every font is
 * embedded (subset): a configured font ({@link #withFontFile}) first, then the fonts shipped with
 * Concord (CJK, Cyrillic, Greek and Latin), then host fonts as fallbacks ({@code FontResolver}). A
 * character that no embedded font can draw fails the rendering with the label and the fix,
 * instead of printing an empty box.
 */
public final class PdfReportRenderer implements ReportRenderer {

    private static final Rectangle PAGE = PageSize.A4.rotate();
    private static final float MARGIN = 36;

    private final FontChoice fontChoice;

    private PdfReportRenderer(FontChoice fontChoice) {
        this.fontChoice = fontChoice;
    }

    public static PdfReportRenderer withDefaults() {
        return new PdfReportRenderer(FontChoice.defaults());
    }

    /** Embeds this TrueType font (.ttf, or the first face of a .ttc) as the main font; it must exist. */
    public PdfReportRenderer withFontFile(Path file) {
        return new PdfReportRenderer(fontChoice.withFontFile(file));
    }

    /** Replaces the host fonts tried after the shipped ones (the first existing CJK and Latin candidate); empty lists: none. */
    public PdfReportRenderer withSystemFonts(List<Path> cjk, List<Path> latin) {
        return new PdfReportRenderer(fontChoice.withSystemFonts(cjk, latin));
    }

    /** The fonts this renderer would embed, in the order they are tried per character (host paths or shipped names). */
    public List<String> fonts() {
        return fontChoice.names();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.PDF;
    }

    @Override
    public void render(StudyResult result, ReportContext context, OutputStream out) throws IOException {
        String identity = StudyResultJson.write(result) + context;
        try (PdfFonts fonts = PdfFonts.load(fontChoice.sources(), identity.hashCode())) {
            write(result, context, out, identity, fonts);
        }
    }

    private void write(StudyResult result, ReportContext context, OutputStream out, String identity, PdfFonts fonts)
            throws IOException {
        ResultView view = new ResultView(result, Messages.forLanguage(context.language()));
        ReportWords w = view.words();
        requireGlyphs(fonts, ReportTexts.of(result, context));
        Document document = new Document(PAGE, MARGIN, MARGIN, MARGIN, MARGIN + 10);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            PdfMetadata.apply(document, writer, context.metadataTimestamp(), result.title(), identity);
            writer.setPageEvent(new Footer(fonts, result.title(), w));
            document.open();
            heading(document, fonts, result.title(), 16);
            meta(document, fonts, context, w);
            for (String sentence : Summary.sentences(view)) {
                document.add(paragraph(fonts, sentence, 10, false));
            }
            ConsensusMatrixChart matrix = new ConsensusMatrixChart(view);
            boolean matrixOnFirstPage = fitsBelow(document, writer, ConsensusMatrixChart.WIDTH, matrix.height());
            if (matrixOnFirstPage) {
                chart(document, writer, fonts, w.text("heading.consensus"), ConsensusMatrixChart.WIDTH,
                        new Drawing(matrix.height(), matrix::draw), availableBelow(document, writer));
            }
            figure2(document, writer, fonts, view);
            if (!matrixOnFirstPage) {
                chartPage(document, writer, fonts, w.text("heading.consensus"), ConsensusMatrixChart.WIDTH,
                        () -> new Drawing(matrix.height(), matrix::draw));
            }
            domainSummary(document, writer, fonts, view);
            if (result.delphi().isPresent()) {
                rounds(document, fonts, view, RoundsView.of(result, w).orElseThrow());
            }
            if (result.jointDisplay().isPresent()) {
                document.newPage();
                JointDisplayText joint = new JointDisplayText(view);
                heading(document, fonts, joint.caption(), 12);
                document.add(new PdfTables(view, fonts).jointDisplay());
                for (String note : joint.notes()) {
                    document.add(paragraph(fonts, note, 7.5f, false));
                }
            }
            document.newPage();
            heading(document, fonts, w.text("table1.caption"), 12);
            Footnotes table1Notes = new Footnotes("", w::why);
            float width = PAGE.getWidth() - 2 * MARGIN;
            float pageHeight = PAGE.getHeight() - 2 * MARGIN - 10;
            List<PdfPTable> pages = new PdfTables(view, fonts).table1Pages(table1Notes, width, pageHeight - 30, pageHeight);
            for (int i = 0; i < pages.size(); i++) {
                if (i > 0) {
                    document.newPage();
                }
                document.add(pages.get(i));
            }
            footnotes(document, fonts, table1Notes);
            if (!result.participantCharacteristics().isEmpty()) {
                document.newPage();
                heading(document, fonts, w.text("heading.characteristics"), 12);
                Footnotes notes = new Footnotes("", w::why);
                document.add(new PdfTables(view, fonts).characteristics(notes));
                footnotes(document, fonts, notes);
            }
            document.newPage();
            heading(document, fonts, w.text("heading.methods"), 12);
            for (String line : w.methods()) {
                document.add(paragraph(fonts, line, 9.5f, false));
            }
            document.close();
        } catch (DocumentException e) {
            throw new IOException("PDF report for '" + result.title() + "' could not be written: " + e.getMessage(), e);
        }
    }

    private static void requireGlyphs(PdfFonts fonts, List<String> texts) {
        for (String text : texts) {
            int missing = fonts.firstMissingCodePoint(text);
            if (missing >= 0) {
                throw new IllegalStateException("PDF report: no embedded font can draw '" + new String(Character.toChars(missing))
                        + "' (U+" + String.format("%04X", missing) + ") in \"" + text + "\"; fonts tried: " + fonts.files()
                        + ". Configure a font that has this character (PdfReportRenderer.withFontFile) or change the label in REDCap");
            }
        }
    }

    private void figure2(Document document, PdfWriter writer, PdfFonts fonts, ResultView view) throws DocumentException {
        var differing = view.result().differingOutcomes();
        if (differing.isEmpty()) {
            document.add(paragraph(fonts, view.words().text("figure2.none"), 10, false));
            return;
        }
        float scale = (PAGE.getWidth() - 2 * MARGIN) / (float) Figure2Chart.WIDTH;
        double available = (PAGE.getHeight() - 2 * MARGIN - 60) / scale;
        int fitting = Figure2Chart.outcomesFitting(available, view.groups().size());
        int pages = (differing.size() + fitting - 1) / fitting;
        int perPage = (differing.size() + pages - 1) / pages; // balanced: 21 outcomes → 7 + 7 + 7, not 10 + 10 + 1
        for (int from = 0; from < differing.size(); from += perPage) {
            var part = differing.subList(from, Math.min(differing.size(), from + perPage));
            String title = differing.size() > perPage
                    ? view.words().format("figure2.pageTitlePart", "from", from + 1, "to", from + part.size(), "total", differing.size())
                    : view.words().text("figure2.pageTitle");
            chartPage(document, writer, fonts, title, Figure2Chart.WIDTH, () -> {
                Figure2Chart chart = new Figure2Chart(view, part);
                return new Drawing(chart.height(), chart::draw);
            });
        }
    }

    /** The Delphi rounds view on pages of its own: the advice and rule, its tables, the across-round methods. */
    private static void rounds(Document document, PdfFonts fonts, ResultView view, RoundsView rounds) throws DocumentException {
        document.newPage();
        heading(document, fonts, rounds.t(RoundsView.SECTION), 12);
        for (String line : RoundsTables.paragraphs(rounds)) {
            document.add(paragraph(fonts, line, 9.5f, false));
        }
        PdfTables tables = new PdfTables(view, fonts);
        for (RoundsTables.Table table : RoundsTables.of(rounds)) {
            heading(document, fonts, table.caption(), 10);
            document.add(tables.rounds(table));
        }
        for (String line : rounds.methods()) {
            document.add(paragraph(fonts, line, 7.5f, false));
        }
    }

    private void domainSummary(Document document, PdfWriter writer, PdfFonts fonts, ResultView view) throws DocumentException {
        var rows = view.domainSummary();
        float scale = (PAGE.getWidth() - 2 * MARGIN) / (float) DomainSummaryChart.WIDTH;
        double available = (PAGE.getHeight() - 2 * MARGIN - 60) / Math.min(scale, 1f);
        int perPage = DomainSummaryChart.domainsFitting(available, view.groups().size());
        for (int from = 0; from < rows.size(); from += perPage) {
            var part = rows.subList(from, Math.min(rows.size(), from + perPage));
            chartPage(document, writer, fonts, view.words().text("heading.domains"), DomainSummaryChart.WIDTH, () -> {
                DomainSummaryChart chart = new DomainSummaryChart(view, part);
                return new Drawing(chart.height(), chart::draw);
            });
        }
    }

    private record Drawing(double height, Consumer<PdfCanvas> draw) {
    }

    /** A new page with a heading and the chart as a vector image scaled to the page width (never enlarged beyond 100%). */
    private static void chartPage(Document document, PdfWriter writer, PdfFonts fonts, String title, double width,
            Supplier<Drawing> factory) throws DocumentException {
        document.newPage();
        chart(document, writer, fonts, title, width, factory.get(), PAGE.getHeight() - 2 * MARGIN - 50);
    }

    /** Space left on the current page below what has been written, less a heading. */
    private static float availableBelow(Document document, PdfWriter writer) {
        return writer.getVerticalPosition(true) - document.bottom() - 40;
    }

    /** Whether a chart fits on the rest of the current page at 75% or more of its page-width size. */
    private static boolean fitsBelow(Document document, PdfWriter writer, double width, double height) {
        float pageWidthScale = Math.min(1f, (PAGE.getWidth() - 2 * MARGIN) / (float) width);
        return availableBelow(document, writer) >= 0.75f * pageWidthScale * height;
    }

    private static void chart(Document document, PdfWriter writer, PdfFonts fonts, String title, double width,
            Drawing drawing, float maxHeight) throws DocumentException {
        heading(document, fonts, title, 12);
        PdfTemplate template = writer.getDirectContent().createTemplate((float) width, (float) drawing.height());
        drawing.draw().accept(new PdfCanvas(template, fonts, drawing.height()));
        Image image = Image.getInstance(template);
        float maxWidth = PAGE.getWidth() - 2 * MARGIN;
        float scale = Math.min(1f, Math.min(maxWidth / (float) width, maxHeight / (float) drawing.height()));
        image.scalePercent(scale * 100);
        image.setAlignment(Element.ALIGN_CENTER);
        document.add(image);
    }

    private static void heading(Document document, PdfFonts fonts, String text, float size) throws DocumentException {
        Paragraph paragraph = paragraph(fonts, text, size, true);
        paragraph.setSpacingAfter(6);
        document.add(paragraph);
    }

    private static void meta(Document document, PdfFonts fonts, ReportContext context, ReportWords w) throws DocumentException {
        context.generatedAt().ifPresent(at -> add(document, paragraph(fonts,
                w.format("meta.generatedLine", "at", DateTimeFormatter.ISO_INSTANT.format(at)), 8.5f, false)));
        for (Map.Entry<String, String> line : context.provenance().entrySet()) {
            document.add(paragraph(fonts, w.format("label.value", "name", w.provenanceName(line.getKey()), "value", line.getValue()),
                    8.5f, false));
        }
    }

    private static void add(Document document, Paragraph paragraph) {
        try {
            document.add(paragraph);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void footnotes(Document document, PdfFonts fonts, Footnotes notes) throws DocumentException {
        List<Footnotes.Entry> entries = notes.entries();
        for (int i = 0; i < entries.size(); i++) {
            document.add(paragraph(fonts, "[" + (i + 1) + "] " + Footnotes.text(entries.get(i)), 7.5f, false));
        }
    }

    private static Paragraph paragraph(PdfFonts fonts, String text, float size, boolean bold) {
        // The paragraph's own font draws its spacing; left unset it would be an unembedded Helvetica.
        Paragraph paragraph = new Paragraph(size * 1.35f, "", new com.lowagie.text.Font(fonts.primary(), size));
        paragraph.add(fonts.phrase(text, size, bold, Color.BLACK));
        paragraph.setSpacingAfter(size * 0.4f);
        return paragraph;
    }

    /** Page footer: report title and page number. */
    private static final class Footer extends PdfPageEventHelper {
        private final PdfFonts fonts;
        private final String title;
        private final ReportWords words;

        Footer(PdfFonts fonts, String title, ReportWords words) {
            this.fonts = fonts;
            this.title = title;
            this.words = words;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            PdfContentByte canvas = writer.getDirectContent();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, fonts.phrase(title, 7.5f, false, Color.GRAY),
                    MARGIN, MARGIN / 2, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, fonts.phrase(words.format("page", "n", writer.getPageNumber()), 7.5f, false, Color.GRAY),
                    PAGE.getWidth() - MARGIN, MARGIN / 2, 0);
        }
    }
}

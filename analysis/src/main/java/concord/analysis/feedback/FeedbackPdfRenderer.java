package concord.analysis.feedback;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import concord.analysis.feedback.internal.FeedbackWords;
import concord.analysis.report.ReportContext;
import concord.analysis.report.internal.FontChoice;
import concord.analysis.report.internal.Numbers;
import concord.analysis.report.internal.PdfFonts;
import concord.analysis.report.internal.PdfMetadata;
import concord.analysis.report.internal.PdfTables;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A participant's feedback as a PDF on A4 portrait: one table with, per outcome, their own score and
 * each group's answers per score, percent in the top band and median. Fonts are embedded as in the
 * study report (a CJK font first, a Latin/Cyrillic/Greek one for what it lacks); a character no
 * embedded font can draw fails the rendering naming the text. The same report and context give the
 * same bytes.
 */
public final class FeedbackPdfRenderer {

    private static final Rectangle PAGE = PageSize.A4;
    private static final float MARGIN = 36;
    private static final float SIZE = 7.5f;
    /** Scales with more points than this print the distribution as "score×count" text instead of one column per score. */
    private static final int MAX_SCORE_COLUMNS = 11;
    private static final Color HEADER = new Color(0xEE, 0xF3, 0xF8);
    private static final Color OWN = new Color(0xFD, 0xF6, 0xE3);

    private final FontChoice fontChoice;

    private FeedbackPdfRenderer(FontChoice fontChoice) {
        this.fontChoice = fontChoice;
    }

    public static FeedbackPdfRenderer withDefaults() {
        return new FeedbackPdfRenderer(FontChoice.defaults());
    }

    /** Embeds this TrueType font (.ttf, or the first face of a .ttc) as the main font; it must exist. */
    public FeedbackPdfRenderer withFontFile(Path file) {
        return new FeedbackPdfRenderer(fontChoice.withFontFile(file));
    }

    /** Replaces the host fonts tried after the shipped ones (the first existing CJK and Latin candidate); empty lists: none. */
    public FeedbackPdfRenderer withSystemFonts(List<Path> cjk, List<Path> latin) {
        return new FeedbackPdfRenderer(fontChoice.withSystemFonts(cjk, latin));
    }

    public byte[] render(FeedbackReport report, ReportContext context) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        render(report, context, out);
        return out.toByteArray();
    }

    public void render(FeedbackReport report, ReportContext context, OutputStream out) throws IOException {
        String identity = report + "|" + context;
        try (PdfFonts fonts = PdfFonts.load(fontChoice.sources(), identity.hashCode())) {
            write(report, context, out, identity, fonts);
        }
    }

    private void write(FeedbackReport report, ReportContext context, OutputStream out, String identity, PdfFonts fonts)
            throws IOException {
        FeedbackWords words = new FeedbackWords(context.language());
        String title = title(report, words);
        requireGlyphs(fonts, report, title);
        Document document = new Document(PAGE, MARGIN, MARGIN, MARGIN, MARGIN + 10);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setCloseStream(false);
            PdfMetadata.apply(document, writer, context.metadataTimestamp(), title, identity);
            writer.setPageEvent(new Footer(fonts, title, words));
            document.open();
            document.add(paragraph(fonts, title, 14, true));
            document.add(paragraph(fonts, words.format("recordLine", "record", report.recordId(), "group", report.groupLabel()),
                    9.5f, false));
            context.generatedAt().ifPresent(at -> add(document, paragraph(fonts, words.format("generated", "at",
                    java.time.format.DateTimeFormatter.ISO_INSTANT.format(at)), 8, false)));
            for (String line : explanation(report, words)) {
                document.add(paragraph(fonts, line, 9, false));
            }
            document.add(table(report, fonts, words));
            document.close();
        } catch (DocumentException e) {
            throw new IOException("Feedback PDF for record '" + report.recordId() + "' could not be written: " + e.getMessage(), e);
        }
    }

    static String title(FeedbackReport report, FeedbackWords words) {
        return words.format("title", "round", words.round(report.round()), "title", report.title());
    }

    private static List<String> explanation(FeedbackReport report, FeedbackWords words) {
        var scale = report.scale();
        return List.of(
                words.format("intro", "round", words.round(report.round()), "min", scale.min(), "max", scale.max(),
                        "top", report.topBand(), "topLabel", words.topLabel(scale)),
                words.format("privacy", "minimum", report.minimumGroupSize()));
    }

    private PdfPTable table(FeedbackReport report, PdfFonts fonts, FeedbackWords words) throws DocumentException {
        var scale = report.scale();
        boolean columns = scale.points() <= MAX_SCORE_COLUMNS;
        int distributionColumns = columns ? scale.points() : 1;
        int total = 3 + distributionColumns + 3;
        PdfPTable table = new PdfPTable(total);
        table.setWidthPercentage(100);
        float[] widths = new float[total];
        widths[0] = 22;
        widths[1] = 5;
        widths[2] = 10;
        for (int i = 0; i < distributionColumns; i++) {
            widths[3 + i] = columns ? 3.2f : 30;
        }
        widths[total - 3] = 4;
        widths[total - 2] = 6;
        widths[total - 1] = 6;
        table.setWidths(widths);
        List<String> headers = new ArrayList<>(List.of(words.text("column.outcome"), words.text("column.you"),
                words.text("column.group")));
        if (columns) {
            for (int s = scale.min(); s <= scale.max(); s++) {
                headers.add(Integer.toString(s));
            }
        } else {
            headers.add(words.text("column.scoreCounts"));
        }
        headers.addAll(List.of(words.text("column.n"), words.format("column.top", "top", report.topBand()),
                words.text("column.median")));
        for (String header : headers) {
            PdfPCell cell = PdfTables.cell(fonts.phrase(header, SIZE, true, Color.BLACK), Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        String domain = null;
        for (OutcomeFeedback outcome : report.outcomes()) {
            String d = outcome.outcome().domain();
            if (!d.isEmpty() && !d.equals(domain)) {
                PdfPCell cell = PdfTables.cell(fonts.phrase(d, SIZE, true, Color.BLACK), Element.ALIGN_LEFT);
                cell.setColspan(total);
                table.addCell(cell);
            }
            domain = d;
            int rows = outcome.groups().size();
            PdfPCell label = PdfTables.cell(fonts.phrase(outcome.outcome().label(), SIZE, false, Color.BLACK), Element.ALIGN_LEFT);
            label.setRowspan(rows);
            table.addCell(label);
            PdfPCell own = PdfTables.cell(fonts.phrase(outcome.ownScore().isPresent() ? Integer.toString(outcome.ownScore().getAsInt())
                    : words.text("notRated"), outcome.ownScore().isPresent() ? SIZE + 2 : SIZE, true, Color.BLACK), Element.ALIGN_CENTER);
            own.setRowspan(rows);
            table.addCell(own);
            for (GroupFeedback group : outcome.groups()) {
                Color background = group.ownGroup() ? OWN : Color.WHITE;
                table.addCell(shaded(PdfTables.cell(fonts.phrase(group.label(), SIZE, group.ownGroup(), Color.BLACK), Element.ALIGN_LEFT), background));
                if (group.withheld().isPresent()) {
                    PdfPCell withheld = PdfTables.cell(fonts.phrase(words.format("notShown", "reason",
                            words.withheld(group.withheld().get())), SIZE, false, Color.DARK_GRAY), Element.ALIGN_LEFT);
                    withheld.setColspan(distributionColumns + 3);
                    table.addCell(shaded(withheld, background));
                    continue;
                }
                if (columns) {
                    for (long count : group.counts()) {
                        table.addCell(shaded(number(fonts, Long.toString(count)), background));
                    }
                } else {
                    table.addCell(shaded(PdfTables.cell(fonts.phrase(scoreCounts(scale.min(), group.counts()), SIZE, false, Color.BLACK),
                            Element.ALIGN_LEFT), background));
                }
                table.addCell(shaded(number(fonts, Long.toString(group.answers())), background));
                table.addCell(shaded(number(fonts, group.pctTop().isPresent() ? Numbers.percent(group.pctTop().getAsDouble())
                        : Numbers.NOT_COMPUTABLE), background));
                table.addCell(shaded(number(fonts, group.median().isPresent() ? Numbers.quantile(group.median().getAsDouble())
                        : Numbers.NOT_COMPUTABLE), background));
            }
        }
        return table;
    }

    /** "3×2, 5×1" for the scores somebody chose. */
    private static String scoreCounts(int min, List<Long> counts) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < counts.size(); i++) {
            if (counts.get(i) > 0) {
                text.append(text.length() == 0 ? "" : ", ").append(min + i).append('\u00d7').append(counts.get(i));
            }
        }
        return text.length() == 0 ? "\u2014" : text.toString();
    }

    private static void requireGlyphs(PdfFonts fonts, FeedbackReport report, String title) {
        List<String> texts = new ArrayList<>(List.of(title, report.recordId(), report.groupLabel()));
        for (OutcomeFeedback outcome : report.outcomes()) {
            texts.add(outcome.outcome().label());
            texts.add(outcome.outcome().domain());
            outcome.groups().forEach(g -> texts.add(g.label()));
        }
        for (String text : texts) {
            int missing = fonts.firstMissingCodePoint(text);
            if (missing >= 0) {
                throw new IllegalStateException("Feedback PDF for record '" + report.recordId() + "': no embedded font can draw '"
                        + new String(Character.toChars(missing)) + "' (U+" + String.format("%04X", missing) + ") in \"" + text
                        + "\"; fonts tried: " + fonts.files() + ". Configure a font that has this character or change the label in REDCap");
            }
        }
    }

    private static PdfPCell number(PdfFonts fonts, String text) {
        return PdfTables.cell(fonts.phrase(text, SIZE, false, Color.BLACK), Element.ALIGN_RIGHT);
    }

    private static PdfPCell shaded(PdfPCell cell, Color background) {
        cell.setBackgroundColor(background);
        return cell;
    }

    private static Paragraph paragraph(PdfFonts fonts, String text, float size, boolean bold) {
        // The paragraph's own font draws its spacing; left unset it would be an unembedded Helvetica.
        Paragraph paragraph = new Paragraph(size * 1.35f, "", new com.lowagie.text.Font(fonts.primary(), size));
        paragraph.add(fonts.phrase(text, size, bold, Color.BLACK));
        paragraph.setSpacingAfter(size * 0.5f);
        return paragraph;
    }

    private static void add(Document document, Paragraph paragraph) {
        try {
            document.add(paragraph);
        } catch (DocumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Page footer: title and page number. */
    private static final class Footer extends PdfPageEventHelper {
        private final PdfFonts fonts;
        private final String title;
        private final FeedbackWords words;

        Footer(PdfFonts fonts, String title, FeedbackWords words) {
            this.fonts = fonts;
            this.title = title;
            this.words = words;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            var canvas = writer.getDirectContent();
            ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, fonts.phrase(title, 7, false, Color.GRAY), MARGIN, MARGIN / 2, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT, fonts.phrase(words.format("page", "n", writer.getPageNumber()), 7, false, Color.GRAY),
                    PAGE.getWidth() - MARGIN, MARGIN / 2, 0);
        }
    }
}

package concord.analysis.report.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.xmlbeans.XmlException;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageMar;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPageSz;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STHint;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STPageOrientation;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTabJc;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.StylesDocument;

/**
 * A Word document as Concord writes them: A4 (landscape for wide tables), the styles of
 * {@code docx-styles.xml} (headings with outline levels for Word's navigation pane, the
 * {@code ConcordTable} table style), the fonts of {@link DocxFonts} on every run, real footnotes,
 * PNG figures with alternative text, and a footer with the title and page number. Text is written as
 * text (markup in labels stays literal); characters XML forbids become U+FFFD. {@link #write} gives
 * the same bytes for the same content and timestamp.
 */
public final class DocxDocument implements AutoCloseable {

    private static final int A4_LONG = 16838;
    private static final int A4_SHORT = 11906;
    private static final int MARGIN = 851; // 1.5 cm

    private final XWPFDocument doc = new XWPFDocument();
    private final boolean landscape;

    private DocxDocument(boolean landscape) {
        this.landscape = landscape;
    }

    /** A new document; {@code footer} is printed left in the footer, the page number right. */
    public static DocxDocument create(String title, boolean landscape, String footer) {
        return create(title, landscape, footer, "Page ", "");
    }

    /** As {@link #create(String, boolean, String)} with the words around the page number ("Page " and ""; "第" and "页"). */
    public static DocxDocument create(String title, boolean landscape, String footer, String pagePrefix, String pageSuffix) {
        DocxDocument document = new DocxDocument(landscape);
        document.setUp(title, footer, pagePrefix, pageSuffix);
        return document;
    }

    private void setUp(String title, String footer, String pagePrefix, String pageSuffix) {
        try (InputStream in = DocxDocument.class.getResourceAsStream("/concord/analysis/report/docx-styles.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{latin}", DocxFonts.LATIN).replace("{eastAsia}", DocxFonts.EAST_ASIA);
            doc.createStyles().setStyles(StylesDocument.Factory.parse(xml).getStyles());
        } catch (IOException | XmlException e) {
            throw new IllegalStateException("the DOCX styles resource of Concord is missing or broken", e);
        }
        doc.getProperties().getCoreProperties().setTitle(Html.xmlChars(title));
        doc.getProperties().getCoreProperties().setCreator("Concord");
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        CTPageSz size = section.addNewPgSz();
        size.setW(BigInteger.valueOf(landscape ? A4_LONG : A4_SHORT));
        size.setH(BigInteger.valueOf(landscape ? A4_SHORT : A4_LONG));
        if (landscape) {
            size.setOrient(STPageOrientation.LANDSCAPE);
        }
        CTPageMar margins = section.addNewPgMar();
        BigInteger margin = BigInteger.valueOf(MARGIN);
        margins.setTop(margin);
        margins.setBottom(margin);
        margins.setLeft(margin);
        margins.setRight(margin);
        margins.setHeader(BigInteger.valueOf(425));
        margins.setFooter(BigInteger.valueOf(425));
        margins.setGutter(BigInteger.ZERO);
        XWPFFooter pageFooter = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph line = pageFooter.getParagraphs().isEmpty() ? pageFooter.createParagraph() : pageFooter.getParagraphs().get(0);
        line.setStyle("Meta");
        var tab = line.getCTPPr().addNewTabs().addNewTab();
        tab.setPos(BigInteger.valueOf(textWidth()));
        tab.setVal(STTabJc.RIGHT);
        text(line.createRun(), footer);
        line.createRun().addTab();
        text(line.createRun(), pagePrefix);
        line.getCTP().addNewFldSimple().setInstr("PAGE");
        if (!pageSuffix.isEmpty()) {
            text(line.createRun(), pageSuffix);
        }
    }

    /** The width between the margins, in twentieths of a point. */
    public int textWidth() {
        return (landscape ? A4_LONG : A4_SHORT) - 2 * MARGIN;
    }

    public void title(String text) {
        paragraph("Title", text);
    }

    /** A heading of level 1 or 2 (Word styles Heading1/Heading2). */
    public void heading(int level, String text) {
        paragraph("Heading" + level, text);
    }

    /** A paragraph of the given style holding one run of text. */
    public XWPFParagraph paragraph(String style, String text) {
        XWPFParagraph paragraph = paragraph(style);
        text(paragraph.createRun(), text);
        return paragraph;
    }

    /** An empty paragraph of the given style, for several runs. */
    public XWPFParagraph paragraph(String style) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setStyle(style);
        return paragraph;
    }

    /** The numbered reasons of values that could not be computed, below a table. */
    public void notes(Footnotes notes) {
        List<String> reasons = notes.reasons();
        for (int i = 0; i < reasons.size(); i++) {
            paragraph("Note", "[" + (i + 1) + "] " + Numbers.NOT_COMPUTABLE + " " + reasons.get(i));
        }
    }

    /** Starts the next paragraph on a new page. */
    public void pageBreak() {
        doc.createParagraph().setPageBreak(true);
    }

    /** A Word footnote holding {@code text}; reference it with {@link #reference}. */
    public XWPFFootnote footnote(String text) {
        XWPFFootnote note = doc.createFootnote();
        XWPFParagraph paragraph = note.getParagraphs().isEmpty() ? note.createParagraph() : note.getParagraphs().get(0);
        paragraph.setStyle("FootnoteText");
        XWPFRun run = paragraph.createRun();
        text(run, " " + text);
        return note;
    }

    /** Adds the footnote's reference mark at the end of the paragraph. */
    public static void reference(XWPFParagraph paragraph, XWPFFootnote note) {
        paragraph.addFootnoteReference(note);
    }

    /** A table with fixed column widths (twentieths of a point) in the ConcordTable style. */
    public DocxTable table(int[] widths) {
        XWPFTable table = doc.createTable();
        return new DocxTable(table, widths);
    }

    /** A PNG figure scaled to {@code widthTwips} (never enlarged), centred, with its description as alternative text. */
    public void picture(byte[] png, int pixelWidth, int pixelHeight, double pixelsPerPoint, String name, String description) {
        double widthPoints = Math.min(pixelWidth / pixelsPerPoint, textWidth() / 20.0);
        double heightPoints = widthPoints * pixelHeight / pixelWidth;
        XWPFParagraph paragraph = paragraph("Normal");
        paragraph.setAlignment(ParagraphAlignment.CENTER);
        paragraph.setKeepNext(false);
        try {
            XWPFPicture picture = paragraph.createRun().addPicture(new ByteArrayInputStream(png), PictureType.PNG, name,
                    Units.toEMU(widthPoints), Units.toEMU(heightPoints));
            var inline = paragraph.getRuns().get(0).getCTR().getDrawingArray(0).getInlineArray(0);
            inline.getDocPr().setDescr(Html.xmlChars(description));
            picture.getCTPicture().getNvPicPr().getCNvPr().setDescr(Html.xmlChars(description));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InvalidFormatException e) {
            throw new IllegalStateException("a figure could not be added to the DOCX report", e);
        }
    }

    /** Writes the package; ZIP entry times and the core properties' dates are {@code timestamp}. */
    public void write(OutputStream out, Instant timestamp) throws IOException {
        doc.getProperties().getCoreProperties().setCreated(Optional.of(Date.from(timestamp)));
        doc.getProperties().getCoreProperties().setModified(Optional.of(Date.from(timestamp)));
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(256 * 1024);
        doc.write(buffer);
        DeterministicZip.rewrite(buffer.toByteArray(), timestamp, out);
    }

    @Override
    public void close() throws IOException {
        doc.close();
    }

    /** Sets a run's text with the document fonts; line breaks become Word line breaks. */
    public static XWPFRun text(XWPFRun run, String text) {
        CTFonts fonts = run.getCTR().isSetRPr() && run.getCTR().getRPr().sizeOfRFontsArray() > 0
                ? run.getCTR().getRPr().getRFontsArray(0) : (run.getCTR().isSetRPr() ? run.getCTR().getRPr() : run.getCTR().addNewRPr()).addNewRFonts();
        fonts.setAscii(DocxFonts.LATIN);
        fonts.setHAnsi(DocxFonts.LATIN);
        fonts.setCs(DocxFonts.LATIN);
        fonts.setEastAsia(DocxFonts.EAST_ASIA);
        String clean = Html.xmlChars(text);
        if (clean.codePoints().anyMatch(DocxDocument::eastAsian)) {
            fonts.setHint(STHint.EAST_ASIA);
        }
        String[] lines = clean.split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                run.addBreak();
            }
            run.setText(lines[i], i);
        }
        return run;
    }

    private static boolean eastAsian(int cp) {
        Character.UnicodeScript script = Character.UnicodeScript.of(cp);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL
                || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFFEF);
    }
}

package concord.analysis.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;

/** Reads a DOCX back for tests: with POI, and part by part as XML text. */
final class DocxInspection {

    private DocxInspection() {
    }

    static XWPFDocument open(byte[] docx) {
        try {
            return new XWPFDocument(new ByteArrayInputStream(docx));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The XML text of a package part, e.g. {@code word/document.xml}; null when absent. */
    static String part(byte[] docx, String name) {
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(name)) {
                    return new String(zip.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> partNames(byte[] docx) {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(docx))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                names.add(entry.getName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** The table one of whose header rows has a cell with exactly this text. */
    static XWPFTable tableWithHeader(XWPFDocument doc, String header) {
        for (XWPFTable table : doc.getTables()) {
            for (XWPFTableRow row : table.getRows()) {
                if (!row.isRepeatHeader()) {
                    break;
                }
                if (row.getTableCells().stream().anyMatch(c -> runText(c.getParagraphs().get(0)).equals(header))) {
                    return table;
                }
            }
        }
        throw new AssertionError("no table with the header '" + header + "'");
    }

    /** A row's cell texts (paragraphs joined by " | ", footnote references left out), merged continuation cells as "". */
    static List<String> cells(XWPFTableRow row) {
        return row.getTableCells().stream().map(c -> String.join(" | ", c.getParagraphs().stream()
                .map(DocxInspection::runText).filter(t -> !t.isEmpty()).toList())).toList();
    }

    /** The text of a paragraph's runs (no footnote or field text). */
    static String runText(XWPFParagraph paragraph) {
        StringBuilder text = new StringBuilder();
        for (XWPFRun run : paragraph.getRuns()) {
            text.append(run.text());
        }
        return text.toString().replaceAll("\\[footnoteRef:\\d+\\]", "");
    }

    static long headerRows(XWPFTable table) {
        return table.getRows().stream().takeWhile(XWPFTableRow::isRepeatHeader).count();
    }
}

package concord.analysis.report.internal;

import java.math.BigInteger;
import java.util.Arrays;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.VerticalAlign;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STShd;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblWidth;

/**
 * A real Word table (not an image) in the {@code ConcordTable} style with fixed column widths.
 * Header rows repeat on every page and are shaded and bold also where a reader ignores table-style
 * conditions; no row splits across pages, and {@link Row#keepWithNext} holds an outcome's group
 * rows together. Numbers are right-aligned ({@link Cell#right}).
 */
public final class DocxTable {

    private static final String HEADER_FILL = "EEF3F8";

    private final XWPFTable table;
    private final int[] widths;

    DocxTable(XWPFTable table, int[] widths) {
        this.table = table;
        this.widths = widths.clone();
        table.removeRow(0);
        CTTblPr properties = table.getCTTbl().getTblPr();
        if (properties.isSetTblBorders()) {
            properties.unsetTblBorders();
        }
        table.setStyleID("ConcordTable");
        var width = properties.isSetTblW() ? properties.getTblW() : properties.addNewTblW();
        width.setType(STTblWidth.DXA);
        width.setW(BigInteger.valueOf(Arrays.stream(widths).sum()));
        properties.addNewTblLayout().setType(STTblLayoutType.FIXED);
        var look = properties.addNewTblLook();
        look.setFirstRow(true);
        look.setNoVBand(true);
        var grid = table.getCTTbl().getTblGrid() != null ? table.getCTTbl().getTblGrid() : table.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int w : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
    }

    /** Relative column widths scaled to {@code total} twips (the last column takes the rounding). */
    public static int[] scaled(int[] widths, int total) {
        int sum = Arrays.stream(widths).sum();
        int[] out = new int[widths.length];
        int used = 0;
        for (int i = 0; i < widths.length - 1; i++) {
            out[i] = (int) ((long) widths[i] * total / sum);
            used += out[i];
        }
        out[widths.length - 1] = total - used;
        return out;
    }

    /** A header row: repeated at the top of every page the table spans. */
    public Row header() {
        Row row = new Row(table.insertNewTableRow(table.getNumberOfRows()), true);
        row.row.setRepeatHeader(true);
        return row;
    }

    public Row row() {
        return new Row(table.insertNewTableRow(table.getNumberOfRows()), false);
    }

    /** One table row; cells are added left to right. */
    public final class Row {
        private final XWPFTableRow row;
        private final boolean header;
        private int column;

        private Row(XWPFTableRow row, boolean header) {
            this.row = row;
            this.header = header;
            row.setCantSplitRow(true);
        }

        public Cell cell(String text) {
            return cell(text, 1);
        }

        /** A cell spanning {@code span} grid columns. */
        public Cell cell(String text, int span) {
            if (column + span > widths.length) {
                throw new IllegalStateException("row has more columns than the table (" + widths.length + ")");
            }
            XWPFTableCell cell = row.createCell();
            CTTcPr properties = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
            int width = Arrays.stream(widths, column, column + span).sum();
            var w = properties.addNewTcW();
            w.setType(STTblWidth.DXA);
            w.setW(BigInteger.valueOf(width));
            if (span > 1) {
                properties.addNewGridSpan().setVal(BigInteger.valueOf(span));
            }
            column += span;
            Cell result = new Cell(cell, properties);
            result.paragraph.setStyle("TableText");
            if (header) {
                var shade = properties.addNewShd();
                shade.setVal(STShd.CLEAR);
                shade.setColor("auto");
                shade.setFill(HEADER_FILL);
                result.paragraph.setAlignment(ParagraphAlignment.CENTER);
            }
            if (!text.isEmpty()) {
                XWPFRun run = DocxDocument.text(result.paragraph.createRun(), text);
                run.setBold(header);
            }
            return result;
        }

        /** A right-aligned value; a value that could not be computed gets its reason's number from {@code notes}. */
        public Cell number(TextCell value, Footnotes notes) {
            Cell cell = cell(value.text()).right();
            if (value.isMissing()) {
                cell.mark("[" + notes.number(value.reason()) + "]");
            }
            return cell;
        }

        /** Keeps this row on the same page as the next one. */
        public Row keepWithNext() {
            for (XWPFTableCell cell : row.getTableCells()) {
                cell.getParagraphs().forEach(p -> p.setKeepNext(true));
            }
            return this;
        }
    }

    /** One cell's formatting. */
    public static final class Cell {
        private final XWPFTableCell cell;
        private final CTTcPr properties;
        private final XWPFParagraph paragraph;

        private Cell(XWPFTableCell cell, CTTcPr properties) {
            this.cell = cell;
            this.properties = properties;
            this.paragraph = cell.getParagraphs().get(0);
        }

        /** Right-aligned, for numbers. */
        public Cell right() {
            paragraph.setAlignment(ParagraphAlignment.RIGHT);
            return this;
        }

        public Cell left() {
            paragraph.setAlignment(ParagraphAlignment.LEFT);
            return this;
        }

        public Cell bold() {
            paragraph.getRuns().forEach(r -> r.setBold(true));
            return this;
        }

        /** Starts a vertical merge: the cells below marked {@link #continueMerge} join this one. */
        public Cell startMerge() {
            properties.addNewVMerge().setVal(STMerge.RESTART);
            return this;
        }

        public Cell continueMerge() {
            properties.addNewVMerge();
            return this;
        }

        /** A superscript mark after the text, e.g. the number of a not-computable reason listed below the table. */
        public Cell mark(String mark) {
            XWPFRun run = DocxDocument.text(paragraph.createRun(), mark);
            run.setSubscript(VerticalAlign.SUPERSCRIPT);
            return this;
        }

        /** A Word footnote reference after the text. */
        public Cell footnote(XWPFFootnote note) {
            DocxDocument.reference(paragraph, note);
            return this;
        }

        /** A further paragraph in the cell (e.g. one per quote). */
        public XWPFParagraph addParagraph(String style, String text) {
            XWPFParagraph added = cell.addParagraph();
            added.setStyle(style);
            if (!text.isEmpty()) {
                DocxDocument.text(added.createRun(), text);
            }
            return added;
        }

        /** The cell's first paragraph. */
        public XWPFParagraph paragraph() {
            return paragraph;
        }
    }
}

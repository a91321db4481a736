package concord.analysis.report.internal;

import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import concord.analysis.GroupSummary;
import concord.analysis.JointDisplayGroup;
import concord.analysis.JointDisplayRow;
import concord.analysis.JointDisplayTheme;
import concord.analysis.OutcomeResult;
import concord.analysis.ParticipantCharacteristic;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/** Table 1, the characteristics, joint display and rounds tables as OpenPDF tables, with footnote numbers for missing values. */
public final class PdfTables {

    private static final Color HEADER = new Color(0xEE, 0xF3, 0xF8);
    private static final Color RULE = new Color(0xBB, 0xBB, 0xBB);
    private static final Color DIFFERS = new Color(0xB2, 0x18, 0x2B);
    private static final float SIZE = 7f;

    private final ResultView view;
    private final PdfFonts fonts;

    public PdfTables(ResultView view, PdfFonts fonts) {
        this.view = view;
        this.fonts = fonts;
    }

    /**
     * Table 1 split into one table per page so an outcome's group rows never straddle a page
     * break (OpenPDF splits between any two rows, row spans included). Heights are in points.
     */
    public List<PdfPTable> table1Pages(Footnotes notes, float width, float firstPageHeight, float pageHeight) {
        List<OutcomeResult> outcomes = view.result().outcomes();
        int k = view.groups().size();
        PdfPTable measured = table1(outcomes, new Footnotes(""), width);
        float header = measured.getRowHeight(0);
        List<PdfPTable> pages = new ArrayList<>();
        int start = 0;
        float used = header;
        float limit = firstPageHeight * 0.97f;
        for (int o = 0; o < outcomes.size(); o++) {
            float height = 0;
            for (int r = 0; r < k; r++) {
                height += measured.getRowHeight(1 + o * k + r);
            }
            if (used + height > limit && o > start) {
                pages.add(table1(outcomes.subList(start, o), notes, width));
                start = o;
                used = header;
                limit = pageHeight * 0.97f;
            }
            used += height;
        }
        pages.add(table1(outcomes.subList(start, outcomes.size()), notes, width));
        return pages;
    }

    private PdfPTable table1(List<OutcomeResult> outcomes, Footnotes notes, float width) {
        Table1Text text = new Table1Text(view);
        List<String> headers = new ArrayList<>(List.of(view.words().text("column.outcome"), view.words().text("column.group")));
        headers.addAll(text.groupHeaders());
        headers.addAll(text.comparisonHeaders());
        PdfPTable table = new PdfPTable(headers.size());
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        try {
            table.setWidths(new float[] {15, 6.5f, 3, 4, 4, 4, 6, 7.5f, 8, 4.5f, 5, 7, 4.5f, 7.5f, 4});
        } catch (com.lowagie.text.DocumentException e) {
            throw new IllegalStateException("Table 1 column widths do not match its " + headers.size() + " columns", e);
        }
        for (String header : headers) {
            PdfPCell cell = cell(fonts.phrase(header, SIZE, true, Color.BLACK), Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        List<GroupSummary> groups = view.groups();
        for (OutcomeResult outcome : outcomes) {
            boolean differs = outcome.comparison().differs();
            List<TextCell> comparison = text.comparisonCells(outcome);
            for (int g = 0; g < groups.size(); g++) {
                if (g == 0) {
                    // Outcome-level cells span the group rows; OpenPDF then keeps the rows on one page.
                    PdfPCell label = cell(fonts.phrase(outcome.outcome().label(), SIZE, differs, differs ? DIFFERS : Color.BLACK), Element.ALIGN_LEFT);
                    label.setRowspan(groups.size());
                    table.addCell(label);
                }
                table.addCell(cell(fonts.phrase(groups.get(g).label(), SIZE, false, Color.BLACK), Element.ALIGN_LEFT));
                for (TextCell value : text.groupCells(outcome, groups.get(g))) {
                    table.addCell(numberCell(value, notes));
                }
                if (g == 0) {
                    for (TextCell value : comparison) {
                        PdfPCell cell = numberCell(value, notes);
                        cell.setRowspan(groups.size());
                        table.addCell(cell);
                    }
                }
            }
        }
        return table;
    }

    /** The joint display (the paper's Table 2): one row per outcome and theme, the outcome's cells spanning its themes. */
    public PdfPTable jointDisplay() {
        JointDisplayText text = new JointDisplayText(view);
        List<String> headers = text.headers();
        float[] widths = new float[headers.size()];
        java.util.Arrays.fill(widths, 1f);
        widths[0] = 1.6f;
        widths[1] = 1.3f;
        widths[headers.size() - 2] = 1.6f;
        widths[headers.size() - 1] = 4.5f;
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        for (String header : headers) {
            PdfPCell cell = cell(fonts.phrase(header, SIZE, true, Color.BLACK), Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        for (JointDisplayRow row : text.display().rows()) {
            int span = row.themes().size();
            for (int t = 0; t < span; t++) {
                if (t == 0) {
                    table.addCell(spanning(cell(fonts.phrase(row.outcome().label(), SIZE, true, Color.BLACK), Element.ALIGN_LEFT), span));
                    table.addCell(spanning(cell(fonts.phrase(row.outcome().domain(), SIZE, false, Color.BLACK), Element.ALIGN_LEFT), span));
                    table.addCell(spanning(cell(fonts.phrase(row.coreArea(), SIZE, false, Color.BLACK), Element.ALIGN_LEFT), span));
                    for (JointDisplayGroup g : row.groups()) {
                        table.addCell(spanning(cell(fonts.phrase(JointDisplayText.percent(g), SIZE, false, Color.BLACK), Element.ALIGN_RIGHT), span));
                        table.addCell(spanning(cell(fonts.phrase(JointDisplayText.meanSd(g), SIZE, false, Color.BLACK), Element.ALIGN_RIGHT), span));
                    }
                }
                JointDisplayTheme theme = row.themes().get(t);
                table.addCell(cell(fonts.phrase(theme.theme(), SIZE, false, Color.BLACK), Element.ALIGN_LEFT));
                String quotes = String.join("\n", theme.quotes().stream().map(JointDisplayText::quote).toList());
                table.addCell(cell(fonts.phrase(quotes, SIZE, false, Color.BLACK), Element.ALIGN_LEFT));
            }
        }
        return table;
    }

    /** One table of the Delphi rounds view; its header repeats on every page, rows to look at are in bold red. */
    public PdfPTable rounds(RoundsTables.Table rounds) {
        List<String> headers = rounds.headers();
        float[] widths = new float[headers.size()];
        for (int c = 0; c < widths.length; c++) {
            String header = headers.get(c);
            widths[c] = header.equals(RoundsView.WHY) ? 4.5f : header.equals(RoundsView.OUTCOME) ? 2.2f : 1f;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingAfter(8);
        for (String header : headers) {
            PdfPCell cell = cell(fonts.phrase(header, SIZE, true, Color.BLACK), Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        for (int r = 0; r < rounds.rows().size(); r++) {
            boolean marked = rounds.highlighted().get(r);
            for (RoundsTables.Cell value : rounds.rows().get(r)) {
                table.addCell(cell(fonts.phrase(value.text(), SIZE, marked, marked ? DIFFERS : Color.BLACK),
                        value.isNumber() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT));
            }
        }
        return table;
    }

    private static PdfPCell spanning(PdfPCell cell, int rows) {
        cell.setRowspan(rows);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }

    public PdfPTable characteristics(Footnotes notes) {
        CharacteristicsText text = new CharacteristicsText(view);
        PdfPTable table = new PdfPTable(1 + view.groups().size());
        table.setWidthPercentage(100);
        PdfPCell first = cell(fonts.phrase(view.words().text("column.characteristic"), SIZE + 1, true, Color.BLACK), Element.ALIGN_LEFT);
        first.setBackgroundColor(HEADER);
        table.addCell(first);
        for (GroupSummary group : view.groups()) {
            PdfPCell cell = cell(fonts.phrase(view.words().format("column.groupN", "group", group.label(), "n", group.n()), SIZE + 1, true, Color.BLACK), Element.ALIGN_CENTER);
            cell.setBackgroundColor(HEADER);
            table.addCell(cell);
        }
        table.setHeaderRows(1);
        for (ParticipantCharacteristic characteristic : view.result().participantCharacteristics()) {
            PdfPCell name = cell(fonts.phrase(characteristic.variable().label(), SIZE + 1, true, Color.BLACK), Element.ALIGN_LEFT);
            name.setColspan(1 + view.groups().size());
            table.addCell(name);
            for (CharacteristicsText.Row row : text.rows(characteristic)) {
                table.addCell(cell(fonts.phrase("    " + row.label(), SIZE + 1, false, Color.BLACK), Element.ALIGN_LEFT));
                for (TextCell value : row.cells()) {
                    table.addCell(numberCell(value, notes));
                }
            }
        }
        return table;
    }

    private PdfPCell numberCell(TextCell value, Footnotes notes) {
        int n = notes.of(value);
        String text = n > 0 ? value.text() + " " + superscript(n) : value.text();
        return cell(fonts.phrase(text, SIZE, false, Color.BLACK), Element.ALIGN_RIGHT);
    }

    /** Footnote marks as bracketed numbers: superscript digits are missing from many CJK fonts. */
    private static String superscript(int n) {
        return "[" + n + "]";
    }

    /** A table cell in the reports' style: thin grey rules, vertically centred, 2 pt padding. */
    public static PdfPCell cell(Phrase phrase, int alignment) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setPadding(2f);
        cell.setBorderColor(RULE);
        cell.setBorderWidth(0.5f);
        return cell;
    }
}

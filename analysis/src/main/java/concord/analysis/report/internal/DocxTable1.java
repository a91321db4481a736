package concord.analysis.report.internal;

import concord.analysis.GroupSummary;
import concord.analysis.OutcomeComparison;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.xwpf.usermodel.XWPFFootnote;

/**
 * The paper's Table 1 as a Word table: two header rows repeated on every page, one block of rows per
 * outcome (outcome, tests and verdict merged down its group rows, the block kept on one page), the
 * Fisher–Freeman–Halton p beside the chi-square, numbers right-aligned. The tests used are Word
 * footnotes on their column headers; a Monte Carlo exact p carries a footnote with its samples and
 * seed; values that could not be computed are numbered and explained below the table.
 */
public final class DocxTable1 {

    private static final int[] WIDTHS = {2300, 1000, 450, 600, 600, 600, 950, 1250, 1250, 700, 700, 800, 700, 800, 2436};

    private final DocxDocument doc;
    private final ResultView view;
    private final Table1Text text;

    public DocxTable1(DocxDocument doc, ResultView view) {
        this.doc = doc;
        this.view = view;
        this.text = new Table1Text(view);
    }

    /** Writes the table and its notes. */
    public void write() {
        StudyResult result = view.result();
        Footnotes notes = new Footnotes("", view.words()::why);
        DocxTable table = doc.table(DocxTable.scaled(WIDTHS, doc.textWidth()));
        List<String> groupHeaders = text.groupHeaders();
        String rank = view.rankTestName();
        ReportWords w = view.words();
        DocxTable.Row top = table.header();
        top.cell(w.text("column.outcome")).startMerge();
        top.cell(w.text("column.group")).startMerge();
        top.cell(w.text("column.perGroup"), groupHeaders.size());
        top.cell(w.text("column.betweenGroups"), 6);
        DocxTable.Row second = table.header();
        second.cell("").continueMerge();
        second.cell("").continueMerge();
        for (String header : groupHeaders) {
            DocxTable.Cell cell = second.cell(header);
            if (header.equals(w.text("column.consensus"))) {
                cell.footnote(doc.footnote(w.format("docx.noteConsensus", "rule", w.rule())));
            }
        }
        second.cell(w.text("column.chiSquareP")).footnote(doc.footnote(w.text("docx.noteChiSquare")));
        second.cell(w.text("column.exactP")).footnote(doc.footnote(w.text("docx.noteExact")));
        second.cell(w.format("column.rankP", "test", rank)).footnote(doc.footnote(
                w.text(view.groups().size() == 2 ? "docx.noteMannWhitney" : "docx.noteKruskalWallis")));
        XWPFFootnote bh = doc.footnote(w.text("docx.noteBenjaminiHochberg"));
        second.cell(w.text("column.qChiSquare")).footnote(bh);
        second.cell(w.format("column.qRank", "test", rank));
        second.cell(w.text("column.differs")).footnote(doc.footnote(w.format("docx.noteDiffers", "alpha",
                java.math.BigDecimal.valueOf(result.options().alpha()).stripTrailingZeros().toPlainString())));
        for (OutcomeResult outcome : result.outcomes()) {
            outcomeRows(table, outcome, notes);
        }
        doc.notes(notes);
    }

    private void outcomeRows(DocxTable table, OutcomeResult outcome, Footnotes notes) {
        List<GroupSummary> groups = view.groups();
        List<TextCell> tests = comparisonCells(outcome);
        for (int g = 0; g < groups.size(); g++) {
            DocxTable.Row row = table.row();
            boolean first = g == 0;
            if (first) {
                String label = outcome.outcome().label();
                DocxTable.Cell cell = row.cell(label).startMerge();
                if (!outcome.outcome().domain().isBlank()) {
                    cell.addParagraph("Note", outcome.outcome().domain());
                }
                if (outcome.comparison().differs()) {
                    cell.bold();
                }
            } else {
                row.cell("").continueMerge();
            }
            row.cell(groups.get(g).label());
            List<TextCell> cells = text.groupCells(outcome, groups.get(g));
            for (int c = 0; c < cells.size(); c++) {
                DocxTable.Cell cell = row.number(cells.get(c), notes);
                if (c == cells.size() - 1 && !cells.get(c).isMissing()) {
                    cell.left(); // the consensus class is a word
                }
            }
            for (int c = 0; c < tests.size(); c++) {
                if (!first) {
                    row.cell("").continueMerge();
                    continue;
                }
                DocxTable.Cell cell = row.number(tests.get(c), notes).startMerge();
                if (c == 1) {
                    monteCarloNote(cell, outcome.comparison());
                }
            }
            if (first) {
                OutcomeComparison comparison = outcome.comparison();
                DocxTable.Cell verdict = row.cell(view.words().text(comparison.differs() ? "yes" : "no")).startMerge();
                if (comparison.differs()) {
                    verdict.bold();
                    if (!comparison.reasons().isEmpty()) {
                        verdict.addParagraph("Note", view.words().reasonsText(outcome));
                    }
                }
            } else {
                row.cell("").continueMerge();
            }
            if (g < groups.size() - 1) {
                row.keepWithNext();
            }
        }
    }

    /** χ² p, exact p, rank p, q (χ²), q (rank): Table1Text's cells without the verdict. */
    private List<TextCell> comparisonCells(OutcomeResult outcome) {
        List<TextCell> base = text.comparisonCells(outcome);
        return new ArrayList<>(base.subList(0, base.size() - 1));
    }

    /** A Monte Carlo exact p gets a Word footnote with the same words as the other formats' notes. */
    private void monteCarloNote(DocxTable.Cell cell, OutcomeComparison comparison) {
        comparison.fisherExact().filter(f -> !f.exact())
                .ifPresent(f -> cell.footnote(doc.footnote(view.words().format("docx.noteEnd", "note", view.words().monteCarloNote(f)))));
    }
}

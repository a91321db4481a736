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
        Footnotes notes = new Footnotes("");
        DocxTable table = doc.table(DocxTable.scaled(WIDTHS, doc.textWidth()));
        List<String> groupHeaders = text.groupHeaders();
        String rank = view.rankTestName();
        DocxTable.Row top = table.header();
        top.cell("Outcome").startMerge();
        top.cell("Group").startMerge();
        top.cell("Per group", groupHeaders.size());
        top.cell("Between groups", 6);
        DocxTable.Row second = table.header();
        second.cell("").continueMerge();
        second.cell("").continueMerge();
        for (String header : groupHeaders) {
            DocxTable.Cell cell = second.cell(header);
            if (header.equals("Consensus")) {
                cell.footnote(doc.footnote("Consensus class per group: " + result.consensusRule().describe(result.scale()) + "."));
            }
        }
        second.cell("\u03C7\u00B2 p").footnote(doc.footnote("Pearson chi-square test on the group \u00D7 band table without "
                + "continuity correction; bands nobody used are left out (SPSS Crosstabs)."));
        second.cell("Exact p").footnote(doc.footnote("Fisher\u2013Freeman\u2013Halton exact test (Fisher's exact test for 2 \u00D7 2) "
                + "on the same table: two-sided p of all tables with the observed margins no more likely than the observed one."));
        second.cell(rank + " p").footnote(doc.footnote(view.groups().size() == 2
                ? "Mann\u2013Whitney U test (SPSS NPAR TESTS): asymptotic two-sided p of the tie-corrected Z, no continuity correction."
                : "Kruskal\u2013Wallis H test with tie correction: asymptotic \u03C7\u00B2 p, df = groups \u2212 1."));
        XWPFFootnote bh = doc.footnote("Benjamini\u2013Hochberg q values across all outcomes where the test was computable.");
        second.cell("q (\u03C7\u00B2)").footnote(bh);
        second.cell("q (" + rank + ")");
        second.cell("Differs").footnote(doc.footnote("Differs: the rank test or the chi-square has p < "
                + java.math.BigDecimal.valueOf(result.options().alpha()).stripTrailingZeros().toPlainString()
                + ", or the groups' consensus classes differ; the reasons are given."));
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
                DocxTable.Cell verdict = row.cell(comparison.differs() ? "Yes" : "No").startMerge();
                if (comparison.differs()) {
                    verdict.bold();
                    if (!comparison.reasons().isEmpty()) {
                        verdict.addParagraph("Note", String.join("; ", comparison.reasons()));
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
                .ifPresent(f -> cell.footnote(doc.footnote(Table1Text.monteCarloNote(f) + ".")));
    }
}

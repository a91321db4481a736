package concord.analysis.report.internal;

import concord.analysis.Band;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.JointDisplayGroup;
import concord.analysis.JointDisplayQuote;
import concord.analysis.JointDisplayRow;
import concord.analysis.JointDisplayTheme;
import concord.analysis.OutcomeResult;
import concord.analysis.ParticipantCharacteristic;
import concord.analysis.StudyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The report's smaller tables as Word tables, with the same content as their HTML fragments
 * ({@code HtmlTables}): outcomes that differ, consensus matrix, domain summary and participant
 * characteristics. Values that could not be computed are numbered and explained below each table.
 */
public final class DocxTables {

    private final DocxDocument doc;
    private final ResultView view;

    public DocxTables(DocxDocument doc, ResultView view) {
        this.doc = doc;
        this.view = view;
    }

    /** Each differing outcome with every group's % in the top band and mean, and why it differs. */
    public void differing() {
        List<GroupSummary> groups = view.groups();
        List<Integer> widths = new ArrayList<>(List.of(2600, 2000));
        groups.forEach(g -> widths.addAll(List.of(900, 800)));
        widths.add(3600);
        DocxTable table = doc.table(DocxTable.scaled(widths.stream().mapToInt(Integer::intValue).toArray(), doc.textWidth()));
        DocxTable.Row header = table.header();
        ReportWords w = view.words();
        header.cell(w.text("column.outcome"));
        header.cell(w.text("column.domain"));
        for (GroupSummary group : groups) {
            header.cell(w.format("column.groupTop", "group", group.label(), "band", view.bandRange(Band.TOP)));
            header.cell(w.format("column.groupMean", "group", group.label()));
        }
        header.cell(w.text("column.why"));
        Footnotes notes = new Footnotes("", view.words()::why);
        for (OutcomeResult outcome : view.result().differingOutcomes()) {
            DocxTable.Row row = table.row();
            row.cell(outcome.outcome().label());
            row.cell(outcome.outcome().domain());
            for (GroupSummary group : groups) {
                Optional<GroupStatistics> stats = view.stats(outcome, group);
                row.number(stats.filter(s -> s.pctTop().isPresent()).map(s -> TextCell.of(Numbers.percent(s.pctTop().getAsDouble())))
                        .orElseGet(() -> TextCell.missing(stats.map(s -> Footnotes.reason(s.notComputable(), "pctTop"))
                                .orElse(w.text("reason.noAnswers")))), notes);
                row.number(stats.filter(s -> s.mean().isPresent()).map(s -> TextCell.of(Numbers.oneDecimal(s.mean().getAsDouble())))
                        .orElseGet(() -> TextCell.missing(stats.map(s -> Footnotes.reason(s.notComputable(), "mean"))
                                .orElse(w.text("reason.noAnswers")))), notes);
            }
            row.cell(w.reasonsText(outcome));
        }
        doc.notes(notes);
    }

    /**
     * The joint display (the paper's Table 2): one Word row per outcome and theme, the outcome's cells merged
     * vertically over its themes, each quote a paragraph of its own; the notes below the table.
     */
    public void jointDisplay() {
        JointDisplayText text = new JointDisplayText(view);
        List<Integer> widths = new ArrayList<>(List.of(1900, 1500, 1100));
        view.groups().forEach(g -> widths.addAll(List.of(800, 1000)));
        widths.addAll(List.of(1800, 5200));
        DocxTable table = doc.table(DocxTable.scaled(widths.stream().mapToInt(Integer::intValue).toArray(), doc.textWidth()));
        DocxTable.Row header = table.header();
        text.headers().forEach(header::cell);
        for (JointDisplayRow row : text.display().rows()) {
            for (int t = 0; t < row.themes().size(); t++) {
                boolean first = t == 0;
                boolean merged = row.themes().size() > 1;
                DocxTable.Row line = table.row();
                merge(line.cell(first ? row.outcome().label() : "").bold(), first, merged);
                merge(line.cell(first ? row.outcome().domain() : ""), first, merged);
                merge(line.cell(first ? row.coreArea() : ""), first, merged);
                for (JointDisplayGroup g : row.groups()) {
                    merge(line.cell(first ? JointDisplayText.percent(g) : "").right(), first, merged);
                    merge(line.cell(first ? JointDisplayText.meanSd(g) : "").right(), first, merged);
                }
                JointDisplayTheme theme = row.themes().get(t);
                line.cell(theme.theme());
                List<JointDisplayQuote> quotes = theme.quotes();
                DocxTable.Cell cell = line.cell(JointDisplayText.quote(quotes.get(0)));
                for (int q = 1; q < quotes.size(); q++) {
                    cell.addParagraph("TableText", JointDisplayText.quote(quotes.get(q)));
                }
            }
        }
        for (String note : text.notes()) {
            doc.paragraph("Meta", note);
        }
    }

    /** One table of the Delphi rounds view, its header row repeated on every page; rows to look at in bold. */
    public void rounds(RoundsTables.Table rounds) {
        int[] widths = rounds.headers().stream()
                .mapToInt(h -> h.equals(RoundsView.WHY) ? 4500 : h.equals(RoundsView.OUTCOME) ? 2400 : 1100).toArray();
        DocxTable table = doc.table(DocxTable.scaled(widths, Math.min(doc.textWidth(), java.util.Arrays.stream(widths).sum())));
        DocxTable.Row header = table.header();
        rounds.headers().forEach(header::cell);
        for (int r = 0; r < rounds.rows().size(); r++) {
            DocxTable.Row row = table.row();
            for (RoundsTables.Cell value : rounds.rows().get(r)) {
                DocxTable.Cell cell = row.cell(value.text());
                if (value.isNumber()) {
                    cell.right();
                }
                if (rounds.highlighted().get(r)) {
                    cell.bold();
                }
            }
        }
    }

    private static void merge(DocxTable.Cell cell, boolean first, boolean merged) {
        if (merged) {
            if (first) {
                cell.startMerge();
            } else {
                cell.continueMerge();
            }
        }
    }

    /** For each pattern of groups, the outcomes critical for exactly those groups. */
    public void consensusMatrix() {
        DocxTable table = doc.table(DocxTable.scaled(new int[] {3000, 1000, 11000}, doc.textWidth()));
        DocxTable.Row header = table.header();
        ReportWords w = view.words();
        header.cell(w.text("column.criticalFor"));
        header.cell(w.text("column.outcomes"));
        header.cell(w.text("column.which"));
        for (ResultView.ConsensusCell cell : view.consensusMatrix()) {
            DocxTable.Row row = table.row();
            row.cell(cell.label());
            row.cell(Integer.toString(cell.outcomes().size())).right();
            row.cell(w.list(cell.outcomes().stream().map(o -> o.outcome().label()).toList()));
        }
    }

    /** Per domain: outcomes, critical outcomes per group, differing outcomes. */
    public void domainSummary() {
        List<Integer> widths = new ArrayList<>(List.of(5000, 1200));
        view.groups().forEach(g -> widths.add(1500));
        widths.add(1200);
        DocxTable table = doc.table(DocxTable.scaled(widths.stream().mapToInt(Integer::intValue).toArray(),
                Math.min(doc.textWidth(), 3000 + 1500 * (view.groups().size() + 2) + 3000)));
        DocxTable.Row header = table.header();
        ReportWords w = view.words();
        header.cell(w.text("column.domain"));
        header.cell(w.text("column.outcomes"));
        view.groups().forEach(g -> header.cell(w.format("column.critical", "group", g.label())));
        header.cell(w.text("column.differing"));
        for (ResultView.DomainRow domain : view.domainSummary()) {
            DocxTable.Row row = table.row();
            row.cell(domain.domain());
            row.cell(Integer.toString(domain.outcomes())).right();
            domain.criticalPerGroup().forEach(n -> row.cell(Integer.toString(n)).right());
            row.cell(Integer.toString(domain.differing())).right();
        }
    }

    /** Continuous characteristics as mean (SD) and median (min–max), categorical ones as n (%). */
    public void characteristics() {
        StudyResult result = view.result();
        CharacteristicsText text = new CharacteristicsText(view);
        List<Integer> widths = new ArrayList<>(List.of(5000));
        view.groups().forEach(g -> widths.add(2600));
        DocxTable table = doc.table(DocxTable.scaled(widths.stream().mapToInt(Integer::intValue).toArray(),
                Math.min(doc.textWidth(), 5000 + 2600 * view.groups().size())));
        DocxTable.Row header = table.header();
        ReportWords w = view.words();
        header.cell(w.text("column.characteristic"));
        view.groups().forEach(g -> header.cell(w.format("column.groupN", "group", g.label(), "n", g.n())));
        Footnotes notes = new Footnotes("", view.words()::why);
        for (ParticipantCharacteristic characteristic : result.participantCharacteristics()) {
            DocxTable.Row title = table.row();
            title.cell(characteristic.variable().label(), view.groups().size() + 1).bold();
            title.keepWithNext();
            List<CharacteristicsText.Row> rows = text.rows(characteristic);
            for (int i = 0; i < rows.size(); i++) {
                DocxTable.Row row = table.row();
                row.cell("    " + rows.get(i).label());
                for (TextCell cell : rows.get(i).cells()) {
                    row.number(cell, notes);
                }
                if (i < rows.size() - 1) {
                    row.keepWithNext();
                }
            }
        }
        doc.notes(notes);
    }
}

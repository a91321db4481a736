package concord.analysis.report;

import concord.analysis.Band;
import concord.analysis.FisherExactResult;
import concord.analysis.CategoryCount;
import concord.analysis.CharacteristicSummary;
import concord.analysis.DemographicVariable;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeComparison;
import concord.analysis.OutcomeResult;
import concord.analysis.ParticipantCharacteristic;
import concord.analysis.StudyResult;
import concord.analysis.internal.Messages;
import concord.analysis.report.internal.DeterministicZip;
import concord.analysis.report.internal.ReportWords;
import concord.analysis.report.internal.ResultView;
import concord.analysis.report.internal.RoundsTables;
import concord.analysis.report.internal.RoundsView;
import concord.analysis.report.internal.SpreadsheetText;
import concord.analysis.report.internal.Summary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * An Excel workbook with the sheets Table 1, Characteristics, Differing, Consensus, Domains, Rounds (Delphi
 * results only) and Methods.
 * Statistics are numeric cells at full precision with number formats that display them as the
 * paper prints them (one decimal; p to three decimals, "&lt;0.001" below); cells that could not
 * be computed are empty with the reason in the Notes column. Text cells that a spreadsheet would
 * evaluate as a formula get a leading apostrophe.
 */
public final class XlsxReportRenderer implements ReportRenderer {

    static final String ONE_DECIMAL = "0.0";
    /** The sheet of the Delphi rounds view, only in the workbook of a Delphi result. */
    static final String ROUNDS_SHEET = "Rounds";
    /**
     * p to three decimals, "&lt;0.001" below. fastexcel 0.19 writes format codes into styles.xml
     * without escaping them, so the code is given XML-escaped here (the test reads it back).
     */
    static final String P_FORMAT = "[&lt;0.001]&quot;&lt;0.001&quot;;0.000";
    /** Medians and quartiles: General prints 7.75, 8 and 6.5 like the paper ("0.##" would print "8."). */
    static final String QUANTILE = "General";
    /** Monte Carlo interval ends: four decimals, so 0.0068 and 0.0115 show. */
    static final String ESTIMATE_FORMAT = "0.0000";

    private XlsxReportRenderer() {
    }

    public static XlsxReportRenderer withDefaults() {
        return new XlsxReportRenderer();
    }

    @Override
    public ReportFormat format() {
        return ReportFormat.XLSX;
    }

    @Override
    public void render(StudyResult result, ReportContext context, OutputStream out) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream(64 * 1024);
        Workbook workbook = new Workbook(raw, "Concord", "1.0");
        ResultView view = new ResultView(result, Messages.forLanguage(context.language()));
        ReportWords w = view.words();
        workbook.properties().setTitle(text(result.title())).setSubject(w.text("xlsx.subject"));
        table1(workbook.newWorksheet(w.text("xlsx.sheetTable1")), view);
        characteristics(workbook.newWorksheet(w.text("xlsx.sheetCharacteristics")), view);
        differing(workbook.newWorksheet(w.text("xlsx.sheetDiffering")), view);
        consensus(workbook.newWorksheet(w.text("xlsx.sheetConsensus")), view);
        domains(workbook.newWorksheet(w.text("xlsx.sheetDomains")), view);
        RoundsView.of(result, w).ifPresent(rounds -> rounds(workbook.newWorksheet(w.messages().isEnglish() ? ROUNDS_SHEET
                : w.text("rounds.sheet")), rounds));
        methods(workbook.newWorksheet(w.text("xlsx.sheetMethods")), view, context);
        workbook.finish();
        DeterministicZip.rewrite(raw.toByteArray(), context.metadataTimestamp(), out);
    }

    private static void table1(Worksheet sheet, ResultView view) {
        ReportWords w = view.words();
        List<String> headers = new ArrayList<>(List.of(w.text("column.outcomeField"), w.text("column.outcome"),
                w.text("column.domain"), w.text("column.group"), w.text("column.n"), w.text("xlsx.missing")));
        for (Band band : ResultView.bandsTopFirst()) {
            headers.add(w.format("column.band", "band", view.bandRange(band)));
        }
        String rank = view.rankTestName();
        for (String key : List.of("xlsx.mean", "xlsx.sd", "xlsx.median", "xlsx.q1", "xlsx.q3", "column.consensus", "xlsx.chiSquare",
                "xlsx.df", "xlsx.chiSquareP", "xlsx.cellsBelow5", "xlsx.minExpected", "xlsx.exactP", "xlsx.exactMethod",
                "xlsx.exactLower", "xlsx.exactUpper", "xlsx.exactSamples", "xlsx.exactSeed", "xlsx.rankStatistic", "xlsx.z",
                "xlsx.rankP", "xlsx.qChiSquare", "xlsx.qExact", "xlsx.qRank", "xlsx.cramersV", "xlsx.r", "xlsx.cliffsDelta",
                "column.differs", "column.why", "xlsx.notes")) {
            headers.add(w.format(key, "test", rank));
        }
        header(sheet, 0, headers);
        int row = 1;
        for (OutcomeResult outcome : view.result().outcomes()) {
            for (GroupSummary group : view.groups()) {
                int c = 0;
                text(sheet, row, c++, outcome.outcome().field());
                text(sheet, row, c++, outcome.outcome().label());
                text(sheet, row, c++, outcome.outcome().domain());
                text(sheet, row, c++, group.label());
                Map<String, String> notes = new TreeMap<>();
                Optional<GroupStatistics> found = view.stats(outcome, group);
                if (found.isPresent()) {
                    GroupStatistics stats = found.get();
                    sheet.value(row, c++, stats.n());
                    sheet.value(row, c++, stats.missing());
                    for (Band band : ResultView.bandsTopFirst()) {
                        number(sheet, row, c++, ResultView.bandPercent(stats, band), ONE_DECIMAL);
                    }
                    number(sheet, row, c++, stats.mean(), ONE_DECIMAL);
                    number(sheet, row, c++, stats.sd(), ONE_DECIMAL);
                    number(sheet, row, c++, stats.median(), QUANTILE);
                    number(sheet, row, c++, stats.q1(), QUANTILE);
                    number(sheet, row, c++, stats.q3(), QUANTILE);
                    text(sheet, row, c++, stats.consensus().map(w::consensus).orElse(""));
                    stats.notComputable().forEach((k, v) -> notes.put(k, v));
                } else {
                    sheet.value(row, c++, 0);
                    c += 10;
                    notes.put("group", w.text("reason.noAnswers"));
                }
                OutcomeComparison comparison = outcome.comparison();
                number(sheet, row, c++, comparison.chiSquare().map(x -> OptionalDouble.of(x.statistic())).orElse(OptionalDouble.empty()), "0.000");
                number(sheet, row, c++, comparison.chiSquare().map(x -> OptionalDouble.of(x.df())).orElse(OptionalDouble.empty()), "0");
                number(sheet, row, c++, comparison.chiSquare().map(x -> OptionalDouble.of(x.p())).orElse(OptionalDouble.empty()), P_FORMAT);
                number(sheet, row, c++, comparison.chiSquare().map(x -> OptionalDouble.of(x.cellsExpectedBelow5())).orElse(OptionalDouble.empty()), "0");
                number(sheet, row, c++, comparison.chiSquare().map(x -> OptionalDouble.of(x.minExpected())).orElse(OptionalDouble.empty()), "0.00");
                number(sheet, row, c++, comparison.fisherExact().map(x -> OptionalDouble.of(x.p())).orElse(OptionalDouble.empty()), P_FORMAT);
                // how: exact (enumeration, network algorithm) or a Monte Carlo estimate with its 99% interval, samples and seed
                text(sheet, row, c++, comparison.fisherExact().map(x -> x.exact() ? w.format("xlsx.exact", "method", x.method().key())
                                : w.text("xlsx.monteCarlo"))
                        .orElse(""));
                Optional<FisherExactResult> estimate = comparison.fisherExact().filter(x -> !x.exact());
                number(sheet, row, c++, estimate.map(x -> OptionalDouble.of(x.lower())).orElse(OptionalDouble.empty()), ESTIMATE_FORMAT);
                number(sheet, row, c++, estimate.map(x -> OptionalDouble.of(x.upper())).orElse(OptionalDouble.empty()), ESTIMATE_FORMAT);
                number(sheet, row, c++, estimate.map(x -> OptionalDouble.of(x.count())).orElse(OptionalDouble.empty()), "0");
                number(sheet, row, c++, estimate.map(x -> OptionalDouble.of(x.seed())).orElse(OptionalDouble.empty()), "0");
                if (comparison.mannWhitney().isPresent()) {
                    number(sheet, row, c++, OptionalDouble.of(comparison.mannWhitney().get().u()), "0.0");
                    number(sheet, row, c++, OptionalDouble.of(comparison.mannWhitney().get().z()), "0.000");
                } else if (comparison.kruskalWallis().isPresent()) {
                    number(sheet, row, c++, OptionalDouble.of(comparison.kruskalWallis().get().h()), "0.000");
                    c++;
                } else {
                    c += 2;
                }
                number(sheet, row, c++, comparison.rankTestP(), P_FORMAT);
                number(sheet, row, c++, comparison.qValues().chiSquare(), P_FORMAT);
                number(sheet, row, c++, comparison.qValues().fisherExact(), P_FORMAT);
                number(sheet, row, c++, comparison.qValues().rankTest(), P_FORMAT);
                number(sheet, row, c++, comparison.effectSizes().cramersV(), "0.000");
                number(sheet, row, c++, comparison.effectSizes().r(), "0.000");
                number(sheet, row, c++, comparison.effectSizes().cliffsDelta(), "0.000");
                text(sheet, row, c++, w.text(comparison.differs() ? "yes" : "no"));
                text(sheet, row, c++, w.reasonsText(outcome));
                comparison.notComputable().forEach(notes::put);
                List<String> noteText = new ArrayList<>();
                notes.forEach((k, v) -> noteText.add(k + ": " + v));
                text(sheet, row, c, String.join("; ", noteText));
                row++;
            }
        }
        sheet.freezePane(4, 1);
        sheet.setAutoFilter(0, 0, headers.size() - 1);
        sheet.width(1, 36);
        sheet.width(2, 22);
        sheet.width(3, 14);
    }

    private static void characteristics(Worksheet sheet, ResultView view) {
        ReportWords w = view.words();
        List<String> headers = new ArrayList<>(List.of(w.text("column.characteristic"), w.text("xlsx.statistic")));
        for (GroupSummary group : view.groups()) {
            headers.add(w.format("column.groupN", "group", group.label(), "n", group.n()));
        }
        header(sheet, 0, headers);
        int row = 1;
        for (ParticipantCharacteristic characteristic : view.result().participantCharacteristics()) {
            DemographicVariable variable = characteristic.variable();
            if (variable.kind() == DemographicVariable.Kind.CONTINUOUS) {
                row = statRow(sheet, row, view, characteristic, w.text("xlsx.mean"), s -> s.mean(), ONE_DECIMAL);
                row = statRow(sheet, row, view, characteristic, w.text("xlsx.sd"), s -> s.sd(), ONE_DECIMAL);
                row = statRow(sheet, row, view, characteristic, w.text("xlsx.median"), s -> s.median(), QUANTILE);
                row = statRow(sheet, row, view, characteristic, w.text("xlsx.minimum"), s -> s.min(), QUANTILE);
                row = statRow(sheet, row, view, characteristic, w.text("xlsx.maximum"), s -> s.max(), QUANTILE);
            } else {
                List<CategoryCount> categories = view.groups().stream().map(g -> view.characteristic(characteristic, g))
                        .flatMap(Optional::stream).findFirst().map(CharacteristicSummary::categories).orElse(List.of());
                for (CategoryCount category : categories) {
                    row = statRow(sheet, row, view, characteristic, w.format("xlsx.categoryN", "category", category.label()), s -> count(s, category.code()), "0");
                    row = statRow(sheet, row, view, characteristic, w.format("xlsx.categoryPercent", "category", category.label()), s -> s.categories().stream()
                            .filter(x -> x.code().equals(category.code())).findFirst().map(CategoryCount::percent)
                            .orElse(OptionalDouble.of(0)), ONE_DECIMAL);
                }
            }
            row = statRow(sheet, row, view, characteristic, w.text("xlsx.missing"), s -> OptionalDouble.of(s.missing()), "0");
        }
        sheet.width(0, 30);
        sheet.width(1, 22);
    }

    private static OptionalDouble count(CharacteristicSummary summary, String code) {
        return OptionalDouble.of(summary.categories().stream().filter(x -> x.code().equals(code)).mapToLong(CategoryCount::n).sum());
    }

    private interface Statistic {
        OptionalDouble of(CharacteristicSummary summary);
    }

    private static int statRow(Worksheet sheet, int row, ResultView view, ParticipantCharacteristic characteristic,
            String name, Statistic statistic, String format) {
        text(sheet, row, 0, characteristic.variable().label());
        text(sheet, row, 1, name);
        for (int g = 0; g < view.groups().size(); g++) {
            Optional<CharacteristicSummary> summary = view.characteristic(characteristic, view.groups().get(g));
            number(sheet, row, 2 + g, summary.map(statistic::of).orElse(OptionalDouble.empty()), format);
        }
        return row + 1;
    }

    /** The outcomes that differ, for the focus-group topic guide. */
    private static void differing(Worksheet sheet, ResultView view) {
        ReportWords w = view.words();
        List<String> headers = new ArrayList<>(List.of(w.text("column.outcomeField"), w.text("column.outcome"), w.text("column.domain")));
        for (GroupSummary group : view.groups()) {
            headers.add(w.format("column.groupTop", "group", group.label(), "band", view.bandRange(Band.TOP)));
            headers.add(w.format("column.groupMean", "group", group.label()));
        }
        headers.add(w.text("column.why"));
        header(sheet, 0, headers);
        int row = 1;
        for (OutcomeResult outcome : view.result().differingOutcomes()) {
            int c = 0;
            text(sheet, row, c++, outcome.outcome().field());
            text(sheet, row, c++, outcome.outcome().label());
            text(sheet, row, c++, outcome.outcome().domain());
            for (GroupSummary group : view.groups()) {
                Optional<GroupStatistics> stats = view.stats(outcome, group);
                number(sheet, row, c++, stats.map(GroupStatistics::pctTop).orElse(OptionalDouble.empty()), ONE_DECIMAL);
                number(sheet, row, c++, stats.map(GroupStatistics::mean).orElse(OptionalDouble.empty()), ONE_DECIMAL);
            }
            text(sheet, row, c, w.reasonsText(outcome));
            row++;
        }
        sheet.width(1, 36);
        sheet.width(2, 22);
    }

    private static void consensus(Worksheet sheet, ResultView view) {
        ReportWords w = view.words();
        header(sheet, 0, List.of(w.text("column.criticalFor"), w.text("column.outcomes"), w.text("column.outcomeField"),
                w.text("column.outcome")));
        int row = 1;
        for (ResultView.ConsensusCell cell : view.consensusMatrix()) {
            text(sheet, row, 0, cell.label());
            sheet.value(row, 1, cell.outcomes().size());
            row++;
            for (OutcomeResult outcome : cell.outcomes()) {
                text(sheet, row, 0, cell.label());
                text(sheet, row, 2, outcome.outcome().field());
                text(sheet, row, 3, outcome.outcome().label());
                row++;
            }
        }
        sheet.width(0, 34);
        sheet.width(3, 40);
    }

    private static void domains(Worksheet sheet, ResultView view) {
        ReportWords w = view.words();
        List<String> headers = new ArrayList<>(List.of(w.text("column.domain"), w.text("column.outcomes")));
        view.groups().forEach(g -> headers.add(w.format("column.critical", "group", g.label())));
        headers.add(w.text("column.differing"));
        header(sheet, 0, headers);
        int row = 1;
        for (ResultView.DomainRow domain : view.domainSummary()) {
            text(sheet, row, 0, domain.domain());
            sheet.value(row, 1, domain.outcomes());
            for (int g = 0; g < domain.criticalPerGroup().size(); g++) {
                sheet.value(row, 2 + g, domain.criticalPerGroup().get(g));
            }
            sheet.value(row, 2 + domain.criticalPerGroup().size(), domain.differing());
            row++;
        }
        sheet.width(0, 34);
    }

    /** The rounds view's tables one below the other, each with its caption and header row; numbers as numbers. */
    private static void rounds(Worksheet sheet, RoundsView view) {
        int row = 0;
        text(sheet, row, 0, view.t(RoundsView.SECTION));
        sheet.style(row++, 0).bold().set();
        for (String line : RoundsTables.paragraphs(view)) {
            text(sheet, row++, 0, line);
        }
        for (RoundsTables.Table table : RoundsTables.of(view)) {
            row++;
            text(sheet, row, 0, table.caption());
            sheet.style(row++, 0).bold().set();
            header(sheet, row++, table.headers());
            for (List<RoundsTables.Cell> cells : table.rows()) {
                for (int c = 0; c < cells.size(); c++) {
                    RoundsTables.Cell cell = cells.get(c);
                    switch (cell.kind()) {
                        case TEXT -> text(sheet, row, c, cell.text());
                        case COUNT -> number(sheet, row, c, cell.value(), "0");
                        case PERCENT -> number(sheet, row, c, cell.value(), ONE_DECIMAL);
                        case P -> number(sheet, row, c, cell.value(), P_FORMAT);
                    }
                }
                row++;
            }
        }
        sheet.width(0, 30);
        sheet.width(1, 30);
    }

    private static void methods(Worksheet sheet, ResultView view, ReportContext context) {
        StudyResult result = view.result();
        ReportWords w = view.words();
        int row = 0;
        text(sheet, row++, 0, result.title());
        context.generatedAt().ifPresent(at -> text(sheet, 1, 0, w.format("meta.generatedLine", "at", DateTimeFormatter.ISO_INSTANT.format(at))));
        row = context.generatedAt().isPresent() ? 2 : 1;
        for (Map.Entry<String, String> line : context.provenance().entrySet()) {
            text(sheet, row, 0, w.provenanceName(line.getKey()));
            text(sheet, row++, 1, line.getValue());
        }
        row++;
        for (String sentence : Summary.sentences(view)) {
            text(sheet, row++, 0, sentence);
        }
        row++;
        for (String paragraph : w.methods()) {
            text(sheet, row, 0, paragraph);
            sheet.style(row, 0).wrapText(true).set();
            row++;
        }
        sheet.width(0, 120);
    }

    private static void header(Worksheet sheet, int row, List<String> headers) {
        for (int c = 0; c < headers.size(); c++) {
            text(sheet, row, c, headers.get(c));
            sheet.style(row, c).bold().fillColor("EEF3F8").wrapText(true).set();
        }
    }

    private static void number(Worksheet sheet, int row, int column, OptionalDouble value, String format) {
        if (value.isPresent() && Double.isFinite(value.getAsDouble())) {
            sheet.value(row, column, value.getAsDouble());
            sheet.style(row, column).format(format).set();
        }
    }

    private static void text(Worksheet sheet, int row, int column, String value) {
        sheet.value(row, column, text(value));
    }

    private static String text(String value) {
        return SpreadsheetText.neutralise(value == null ? "" : value);
    }
}

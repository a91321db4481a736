package concord.analysis.report.internal;

import concord.analysis.CategoryCount;
import concord.analysis.CharacteristicSummary;
import concord.analysis.DemographicVariable;
import concord.analysis.GroupSummary;
import concord.analysis.ParticipantCharacteristic;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The participant characteristics table as formatted text, shared by the HTML and PDF reports:
 * continuous variables as mean (SD) and median (min–max), categorical ones as n (%) per choice,
 * then the missing count; one cell per group.
 */
public final class CharacteristicsText {

    private final ResultView view;

    public CharacteristicsText(ResultView view) {
        this.view = view;
    }

    /** The rows under one characteristic's heading. */
    public List<Row> rows(ParticipantCharacteristic characteristic) {
        List<Row> rows = new ArrayList<>();
        ReportWords w = view.words();
        if (characteristic.variable().kind() == DemographicVariable.Kind.CONTINUOUS) {
            rows.add(row(characteristic, w.text("column.meanSd"), s -> s.mean().isPresent() && s.sd().isPresent()
                    ? TextCell.of(Numbers.meanSd(s.mean().getAsDouble(), s.sd().getAsDouble()))
                    : TextCell.missing(Footnotes.reason(s.notComputable(), "mean", "sd"))));
            rows.add(row(characteristic, w.text("characteristic.medianRange"), s -> s.median().isPresent() && s.min().isPresent() && s.max().isPresent()
                    ? TextCell.of(Numbers.quantile(s.median().getAsDouble()) + " (" + Numbers.quantile(s.min().getAsDouble())
                            + "\u2013" + Numbers.quantile(s.max().getAsDouble()) + ")")
                    : TextCell.missing(Footnotes.reason(s.notComputable(), "median", "min", "max"))));
        } else {
            for (CategoryCount category : categories(characteristic)) {
                rows.add(row(characteristic, w.format("characteristic.category", "category", category.label()), s -> s.categories().stream()
                        .filter(c -> c.code().equals(category.code())).findFirst()
                        .map(c -> TextCell.of(c.n() + (c.percent().isPresent() ? " (" + Numbers.percent(c.percent().getAsDouble()) + ")" : "")))
                        .orElseGet(() -> TextCell.of("0"))));
            }
        }
        rows.add(row(characteristic, w.text("characteristic.missing"), s -> TextCell.of(Long.toString(s.missing()))));
        return rows;
    }

    /** The choices of a categorical characteristic, in the order the result lists them. */
    public List<CategoryCount> categories(ParticipantCharacteristic characteristic) {
        return view.groups().stream().map(g -> view.characteristic(characteristic, g)).flatMap(Optional::stream)
                .findFirst().map(CharacteristicSummary::categories).orElse(List.of());
    }

    private Row row(ParticipantCharacteristic characteristic, String label, Function<CharacteristicSummary, TextCell> cell) {
        List<TextCell> cells = new ArrayList<>();
        for (GroupSummary group : view.groups()) {
            cells.add(view.characteristic(characteristic, group).map(cell)
                    .orElseGet(() -> TextCell.missing(view.words().text("reason.noParticipants"))));
        }
        return new Row(label, cells);
    }

    /** A statistic's label and its cell per group (group order). */
    public record Row(String label, List<TextCell> cells) {
    }
}

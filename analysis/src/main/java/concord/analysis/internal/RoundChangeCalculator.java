package concord.analysis.internal;

import concord.analysis.ChiSquareResult;
import concord.analysis.Consensus;
import concord.analysis.PairedHistogram;
import concord.analysis.Round;
import concord.analysis.RoundChange;
import concord.analysis.ScoreHistogram;
import concord.analysis.StabilityRule;
import concord.analysis.WilcoxonSignedRankResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The change of one outcome in one group between two consecutive rounds, and the stability verdict. */
public final class RoundChangeCalculator {

    private RoundChangeCalculator() {
    }

    /**
     * @param pairs      scores of the participants who answered in both rounds
     * @param from       the earlier round's histogram (all its respondents in the group)
     * @param to         the later round's histogram
     * @param fromClass  the group's consensus class in the earlier round
     * @param toClass    the class in the later round
     */
    public static RoundChange of(Round fromRound, Round toRound, PairedHistogram pairs, ScoreHistogram from,
                                 ScoreHistogram to, Optional<Consensus> fromClass, Optional<Consensus> toClass,
                                 StabilityRule rule) {
        Map<String, String> reasons = new LinkedHashMap<>();
        long n = pairs.n();
        Optional<WilcoxonSignedRankResult> wilcoxon = WilcoxonSignedRank.test(pairs).recordInto(reasons, "wilcoxon");
        OptionalDouble changed = percent(pairs.changedBand(), n);
        OptionalDouble up = percent(pairs.movedUp(), n);
        OptionalDouble down = percent(pairs.movedDown(), n);
        if (n == 0) {
            String why = "no participant of the group answered in both rounds";
            reasons.put("pctChangedBand", why);
            reasons.put("pctMovedUp", why);
            reasons.put("pctMovedDown", why);
        }
        BandTable table = BandTable.of(List.of(fromRound.label(), toRound.label()), List.of(from, to));
        Optional<ChiSquareResult> chiSquare = PearsonChiSquare.test(table).recordInto(reasons, "chiSquare");
        OptionalDouble iqrFrom = iqr(from);
        OptionalDouble iqrTo = iqr(to);
        if (iqrFrom.isEmpty()) {
            reasons.put("iqrFrom", "no valid answers in " + fromRound.label());
        }
        if (iqrTo.isEmpty()) {
            reasons.put("iqrTo", "no valid answers in " + toRound.label());
        }
        OptionalDouble iqrChange = iqrFrom.isPresent() && iqrTo.isPresent()
                ? OptionalDouble.of(iqrTo.getAsDouble() - iqrFrom.getAsDouble()) : OptionalDouble.empty();
        if (iqrChange.isEmpty()) {
            reasons.put("iqrChange", "needs valid answers in both rounds");
        }

        List<String> verdict = new ArrayList<>();
        Optional<Boolean> stable;
        if (n == 0) {
            stable = Optional.empty();
            reasons.put("stable", "no participant of the group answered in both rounds");
        } else {
            boolean shifted = wilcoxon.filter(w -> w.p() < rule.alpha()).isPresent();
            boolean bandsOk = rule.changedBandWithin(pairs.changedBand(), n);
            boolean consensusOk = !rule.requireUnchangedConsensus() || fromClass.equals(toClass);
            verdict.add(wilcoxon.map(w -> (shifted ? "ratings shifted: Wilcoxon signed-rank p " : "no significant shift: "
                            + "Wilcoxon signed-rank p ") + OutcomeComparator.formatP(w.p()) + (shifted ? " < " : " ≥ ")
                            + plain(rule.alpha()))
                    .orElse("no participant changed score"));
            verdict.add(String.format(Locale.ROOT, "%.1f", changed.getAsDouble()) + "% of " + n
                    + " paired participants changed band (" + (bandsOk ? "within" : "beyond") + " the "
                    + (rule.changedBandInclusive() ? "≤ " : "< ") + plain(rule.changedBandPercent()) + "% limit)");
            if (rule.requireUnchangedConsensus()) {
                verdict.add(consensusOk ? "consensus class unchanged" : "consensus class changed from "
                        + fromClass.map(Consensus::label).orElse("none") + " to " + toClass.map(Consensus::label).orElse("none"));
            }
            stable = Optional.of(!shifted && bandsOk && consensusOk);
        }
        return new RoundChange(fromRound.number(), toRound.number(), pairs, wilcoxon, changed, up, down, chiSquare,
                iqrFrom, iqrTo, iqrChange, stable, verdict, reasons);
    }

    static String plain(double value) {
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static OptionalDouble percent(long count, long n) {
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * count / n);
    }

    private static OptionalDouble iqr(ScoreHistogram h) {
        return h.n() == 0 ? OptionalDouble.empty() : OptionalDouble.of(h.q3().getAsDouble() - h.q1().getAsDouble());
    }
}

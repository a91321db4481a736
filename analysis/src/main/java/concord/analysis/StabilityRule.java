package concord.analysis;

import java.math.BigDecimal;

/**
 * When an outcome's ratings in a group count as stable between two consecutive rounds: the paired
 * Wilcoxon signed-rank test finds no shift (p ≥ {@code alpha}, or no participant changed score)
 * and fewer than {@code changedBandPercent} of the paired participants moved to another band
 * ({@code changedBandInclusive}: at most that share); optionally also the group's consensus class
 * must be the same in both rounds.
 *
 * <p>The defaults follow the Delphi literature (docs/analysis.md cites the sources): stability is
 * judged separately from consensus (Dajani, Sincoff &amp; Talley 1979; von der Gracht 2012), a
 * change of less than 15% between rounds is the usual threshold, and the non-parametric paired
 * test suits ordinal ratings of small panels (Kalaian &amp; Kasim 2012).
 *
 * @param alpha                     significance level of the signed-rank test, in (0, 1)
 * @param changedBandPercent        largest share of paired participants that may change band, 0–100
 * @param changedBandInclusive      {@code true}: at most that share; {@code false}: less than it
 * @param requireUnchangedConsensus the consensus class must also be the same in both rounds
 */
public record StabilityRule(double alpha, double changedBandPercent, boolean changedBandInclusive,
                            boolean requireUnchangedConsensus) {

    public StabilityRule {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("Stability alpha " + alpha + " must be in (0, 1)");
        }
        if (!(changedBandPercent >= 0 && changedBandPercent <= 100)) {
            throw new IllegalArgumentException("Stability threshold " + changedBandPercent
                    + "% of participants changing band must be between 0 and 100");
        }
    }

    /** p ≥ 0.05 and fewer than 15% changed band; consensus may change. */
    public static StabilityRule defaults() {
        return new StabilityRule(0.05, 15, false, false);
    }

    public StabilityRule withAlpha(double value) {
        return new StabilityRule(value, changedBandPercent, changedBandInclusive, requireUnchangedConsensus);
    }

    public StabilityRule withChangedBand(double percent, boolean inclusive) {
        return new StabilityRule(alpha, percent, inclusive, requireUnchangedConsensus);
    }

    public StabilityRule withUnchangedConsensus(boolean value) {
        return new StabilityRule(alpha, changedBandPercent, changedBandInclusive, value);
    }

    /** Whether {@code changed} of {@code pairs} participants changing band is within the rule (exact comparison). */
    public boolean changedBandWithin(long changed, long pairs) {
        double share = changed * 100.0;
        double allowed = changedBandPercent * pairs;
        return changedBandInclusive ? share <= allowed : share < allowed;
    }

    /** "stable when …" for reports. */
    public String describe() {
        return "stable between two rounds when the Wilcoxon signed-rank test of the participants who answered both "
                + "finds no shift (p ≥ " + plain(alpha) + ") and " + (changedBandInclusive ? "at most " : "fewer than ")
                + plain(changedBandPercent) + "% of them changed band"
                + (requireUnchangedConsensus ? ", and the consensus class is the same in both rounds" : "");
    }

    static String plain(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}

package concord.analysis;

import java.util.Optional;

/**
 * The per-group consensus ("threshold") rule.
 *
 * <p>An outcome is {@link Consensus#CRITICAL} in a group when the valid percentage in the top band
 * passes the {@code threshold} and the bottom-band percentage stays within the {@code limit};
 * symmetrically it is {@link Consensus#NOT_IMPORTANT} when the bottom band passes the threshold and
 * the top band stays within the limit; otherwise {@link Consensus#NEUTRAL}.
 *
 * <p>Whether the comparisons are strict matters at typical group sizes: 21/26 = 80.8% passes
 * "&gt; 80%", 24/30 = 80.0% does not. Percentages are compared exactly (count × 100 against
 * percent × n), so no rounding decides a class.
 *
 * @param thresholdPercent   share of the group needed in the agreeing band, 0–100
 * @param thresholdInclusive {@code true} for "≥ threshold", {@code false} for "&gt; threshold"
 * @param limitPercent       largest share allowed in the opposite band, 0–100
 * @param limitInclusive     {@code true} for "≤ limit", {@code false} for "&lt; limit"
 */
public record ConsensusRule(double thresholdPercent, boolean thresholdInclusive,
                            double limitPercent, boolean limitInclusive) {

    public ConsensusRule {
        if (!(thresholdPercent >= 0 && thresholdPercent <= 100)) {
            throw new IllegalArgumentException("Consensus threshold " + thresholdPercent
                    + "% must be between 0 and 100");
        }
        if (!(limitPercent >= 0 && limitPercent <= 100)) {
            throw new IllegalArgumentException("Consensus limit " + limitPercent
                    + "% must be between 0 and 100");
        }
    }

    /** The reference study's rule: &gt;80% in the band and ≤15% in the opposite band. */
    public static ConsensusRule defaults() {
        return new ConsensusRule(80, false, 15, true);
    }

    /** The COMET handbook rule: ≥70% in the band and &lt;15% in the opposite band. */
    public static ConsensusRule comet() {
        return new ConsensusRule(70, true, 15, false);
    }

    public ConsensusRule withThreshold(double percent, boolean inclusive) {
        return new ConsensusRule(percent, inclusive, limitPercent, limitInclusive);
    }

    public ConsensusRule withLimit(double percent, boolean inclusive) {
        return new ConsensusRule(thresholdPercent, thresholdInclusive, percent, inclusive);
    }

    /**
     * Classifies a group's band counts.
     *
     * @param top    valid answers in the top band
     * @param bottom valid answers in the bottom band
     * @param n      valid answers in total, {@code > 0}
     */
    public Consensus classify(long top, long bottom, long n) {
        if (n <= 0) {
            throw new IllegalArgumentException("Consensus needs at least one valid answer (n = " + n + ")");
        }
        if (passesThreshold(top, n) && withinLimit(bottom, n)) {
            return Consensus.CRITICAL;
        }
        if (passesThreshold(bottom, n) && withinLimit(top, n)) {
            return Consensus.NOT_IMPORTANT;
        }
        return Consensus.NEUTRAL;
    }

    /** Classifies a histogram; empty if it has no valid answers. */
    public Optional<Consensus> classify(ScoreHistogram histogram) {
        long n = histogram.n();
        return n == 0 ? Optional.empty()
                : Optional.of(classify(histogram.bandCount(Band.TOP), histogram.bandCount(Band.BOTTOM), n));
    }

    private boolean passesThreshold(long count, long n) {
        double share = count * 100.0;
        double needed = thresholdPercent * n;
        return thresholdInclusive ? share >= needed : share > needed;
    }

    private boolean withinLimit(long count, long n) {
        double share = count * 100.0;
        double allowed = limitPercent * n;
        return limitInclusive ? share <= allowed : share < allowed;
    }

    /** "&gt;80% in the band and ≤15% in the opposite band" style text. */
    public String describe(RatingScale scale) {
        String t = (thresholdInclusive ? "≥" : ">") + format(thresholdPercent) + "%";
        String l = (limitInclusive ? "≤" : "<") + format(limitPercent) + "%";
        return "critical importance when " + t + " score " + scale.top().rangeText() + " and " + l + " score "
                + scale.bottom().rangeText() + "; not important when " + t + " score "
                + scale.bottom().rangeText() + " and " + l + " score " + scale.top().rangeText()
                + "; otherwise neutral (valid percentages per group)";
    }

    private static String format(double percent) {
        return percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent);
    }
}

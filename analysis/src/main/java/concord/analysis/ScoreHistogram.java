package concord.analysis;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The ratings of one outcome in one group: how many valid answers gave each score of the scale,
 * and how many answers were missing. Every per-group statistic is a function of this histogram,
 * computed without expanding it into individual ratings.
 *
 * <p>Conventions follow SPSS 26: percentages are valid percents (missing excluded), the standard
 * deviation divides by n − 1, and quantiles are SPSS HAVERAGE (Hyndman–Fan type 6, position
 * (n + 1)·p). Statistics that are not defined for the data (no valid answers, or an SD of a single
 * answer) are empty rather than NaN.
 *
 * @param scale   the rating scale
 * @param counts  {@code counts[i]} = number of valid answers with score {@code scale.min() + i};
 *                length {@code scale.points()}, no negative entries (defensively copied)
 * @param missing number of missing answers, {@code >= 0}
 */
public record ScoreHistogram(RatingScale scale, long[] counts, long missing) {

    public ScoreHistogram {
        Objects.requireNonNull(scale, "scale");
        counts = counts.clone();
        if (counts.length != scale.points()) {
            throw new IllegalArgumentException("A histogram on the scale " + scale.min() + ".." + scale.max()
                    + " needs " + scale.points() + " counts, got " + counts.length);
        }
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] < 0) {
                throw new IllegalArgumentException("Negative count " + counts[i] + " for score "
                        + (scale.min() + i));
            }
        }
        if (missing < 0) {
            throw new IllegalArgumentException("Negative missing count " + missing);
        }
    }

    /** A histogram with no answers. */
    public static ScoreHistogram empty(RatingScale scale) {
        return new ScoreHistogram(scale, new long[scale.points()], 0);
    }

    /** Counts individual valid scores (convenient for tests and small data). */
    public static ScoreHistogram ofScores(RatingScale scale, int... scores) {
        long[] c = new long[scale.points()];
        for (int s : scores) {
            if (!scale.contains(s)) {
                throw new IllegalArgumentException("Score " + s + " is outside the rating scale "
                        + scale.min() + ".." + scale.max());
            }
            c[s - scale.min()]++;
        }
        return new ScoreHistogram(scale, c, 0);
    }

    /** The counts per score, lowest score first (a copy). */
    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Number of valid answers with this score. */
    public long count(int score) {
        return scale.contains(score) ? counts[score - scale.min()] : 0;
    }

    /** Number of valid (non-missing) answers. */
    public long n() {
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        return n;
    }

    /** Valid answers plus missing answers. */
    public long total() {
        return n() + missing;
    }

    /** Number of valid answers in a band. */
    public long bandCount(Band band) {
        ScoreBand b = scale.band(band);
        long sum = 0;
        for (int s = b.from(); s <= b.to(); s++) {
            sum += counts[s - scale.min()];
        }
        return sum;
    }

    /** Valid percent of a band, 0–100; empty when there are no valid answers. */
    public OptionalDouble validPercent(Band band) {
        long n = n();
        return n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * bandCount(band) / n);
    }

    /** Arithmetic mean of the valid answers; empty when there are none. */
    public OptionalDouble mean() {
        long n = n();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double sum = 0;
        for (int i = 0; i < counts.length; i++) {
            sum += (double) counts[i] * (scale.min() + i);
        }
        return OptionalDouble.of(sum / n);
    }

    /** Sample standard deviation (divisor n − 1); empty with fewer than two valid answers. */
    public OptionalDouble standardDeviation() {
        long n = n();
        if (n < 2) {
            return OptionalDouble.empty();
        }
        double mean = mean().getAsDouble();
        double ss = 0;
        for (int i = 0; i < counts.length; i++) {
            double d = scale.min() + i - mean;
            ss += counts[i] * d * d;
        }
        return OptionalDouble.of(Math.sqrt(ss / (n - 1)));
    }

    /**
     * The {@code k}-th smallest valid answer, 1-based.
     *
     * @throws IllegalArgumentException unless {@code 1 <= k <= n()}
     */
    public int orderStatistic(long k) {
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (k >= 1 && seen >= k) {
                return scale.min() + i;
            }
        }
        throw new IllegalArgumentException("Order statistic " + k + " does not exist among n = " + seen
                + " valid answers");
    }

    /**
     * Quantile by SPSS HAVERAGE = Hyndman–Fan type 6: with h = (n + 1)·p, interpolates between the
     * ⌊h⌋-th and (⌊h⌋ + 1)-th smallest answers, clamped to the smallest and largest answer.
     * Empty when there are no valid answers.
     *
     * @param p probability in [0, 1]
     */
    public OptionalDouble quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Quantile probability " + p + " must be in [0, 1]");
        }
        long n = n();
        if (n == 0) {
            return OptionalDouble.empty();
        }
        double h = (n + 1) * p;
        if (h <= 1) {
            return OptionalDouble.of(orderStatistic(1));
        }
        if (h >= n) {
            return OptionalDouble.of(orderStatistic(n));
        }
        long lo = (long) Math.floor(h);
        int a = orderStatistic(lo);
        int b = orderStatistic(lo + 1);
        return OptionalDouble.of(a + (h - lo) * (b - a));
    }

    /** Median (HF6; the same as the usual median). */
    public OptionalDouble median() {
        return quantile(0.5);
    }

    /** First quartile, SPSS HAVERAGE. */
    public OptionalDouble q1() {
        return quantile(0.25);
    }

    /** Third quartile, SPSS HAVERAGE. */
    public OptionalDouble q3() {
        return quantile(0.75);
    }

    /** Smallest valid answer. */
    public OptionalInt min() {
        return n() == 0 ? OptionalInt.empty() : OptionalInt.of(orderStatistic(1));
    }

    /** Largest valid answer. */
    public OptionalInt max() {
        long n = n();
        return n == 0 ? OptionalInt.empty() : OptionalInt.of(orderStatistic(n));
    }

    /** The sum of two histograms on the same scale (e.g. two sites or two batches). */
    public ScoreHistogram plus(ScoreHistogram other) {
        if (!scale.equals(other.scale)) {
            throw new IllegalArgumentException("Cannot add histograms on different scales: "
                    + scale.describe() + " and " + other.scale.describe());
        }
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] = Math.addExact(sum[i], other.counts[i]);
        }
        return new ScoreHistogram(scale, sum, Math.addExact(missing, other.missing));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScoreHistogram h && scale.equals(h.scale) && missing == h.missing
                && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, missing, Arrays.hashCode(counts));
    }

    @Override
    public String toString() {
        return "ScoreHistogram" + Arrays.toString(counts) + " missing=" + missing;
    }
}

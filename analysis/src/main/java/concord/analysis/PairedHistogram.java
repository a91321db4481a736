package concord.analysis;

import java.util.Arrays;
import java.util.Objects;

/**
 * The ratings of one outcome by the participants of one group who answered it in two rounds:
 * {@code counts[i][j]} participants scored {@code scale.min() + i} in the earlier round and
 * {@code scale.min() + j} in the later one. Every paired statistic (signed ranks, band changes, the
 * marginal histograms) is a function of this matrix, so memory does not depend on the number of
 * participants and matrices of batches merge by addition.
 *
 * @param scale  the rating scale
 * @param counts square matrix, {@code scale.points()} × {@code scale.points()}, no negative entries
 *               (defensively copied)
 */
public record PairedHistogram(RatingScale scale, long[][] counts) {

    public PairedHistogram {
        Objects.requireNonNull(scale, "scale");
        int p = scale.points();
        if (counts.length != p) {
            throw new IllegalArgumentException("A paired histogram on the scale " + scale.min() + ".." + scale.max()
                    + " needs " + p + " × " + p + " counts, got " + counts.length + " rows");
        }
        long[][] copy = new long[p][];
        for (int i = 0; i < p; i++) {
            if (counts[i].length != p) {
                throw new IllegalArgumentException("Row " + i + " of a paired histogram has " + counts[i].length
                        + " counts; the scale needs " + p);
            }
            for (long c : counts[i]) {
                if (c < 0) {
                    throw new IllegalArgumentException("Negative count " + c + " in a paired histogram");
                }
            }
            copy[i] = counts[i].clone();
        }
        counts = copy;
    }

    /** No pairs. */
    public static PairedHistogram empty(RatingScale scale) {
        return new PairedHistogram(scale, new long[scale.points()][scale.points()]);
    }

    /** Counts pairs given as {@code {earlier, later}} (convenient for tests and small data). */
    public static PairedHistogram ofPairs(RatingScale scale, int[]... pairs) {
        long[][] c = new long[scale.points()][scale.points()];
        for (int[] pair : pairs) {
            if (pair.length != 2 || !scale.contains(pair[0]) || !scale.contains(pair[1])) {
                throw new IllegalArgumentException("Pair " + Arrays.toString(pair) + " is not two scores on the scale "
                        + scale.min() + ".." + scale.max());
            }
            c[pair[0] - scale.min()][pair[1] - scale.min()]++;
        }
        return new PairedHistogram(scale, c);
    }

    /** The matrix (a copy). */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }

    /** Participants who scored {@code earlier} and then {@code later}. */
    public long count(int earlier, int later) {
        return scale.contains(earlier) && scale.contains(later) ? counts[earlier - scale.min()][later - scale.min()] : 0;
    }

    /** Number of pairs. */
    public long n() {
        long n = 0;
        for (long[] row : counts) {
            for (long c : row) {
                n += c;
            }
        }
        return n;
    }

    /** The earlier round's scores of the paired participants. */
    public ScoreHistogram earlier() {
        long[] h = new long[counts.length];
        for (int i = 0; i < counts.length; i++) {
            for (long c : counts[i]) {
                h[i] += c;
            }
        }
        return new ScoreHistogram(scale, h, 0);
    }

    /** The later round's scores of the paired participants. */
    public ScoreHistogram later() {
        long[] h = new long[counts.length];
        for (long[] row : counts) {
            for (int j = 0; j < row.length; j++) {
                h[j] += row[j];
            }
        }
        return new ScoreHistogram(scale, h, 0);
    }

    /**
     * Pairs by the difference later − earlier: index {@code d + points − 1} holds the pairs with
     * difference {@code d}, for d = −(points − 1) … points − 1.
     */
    public long[] differences() {
        int p = counts.length;
        long[] d = new long[2 * p - 1];
        for (int i = 0; i < p; i++) {
            for (int j = 0; j < p; j++) {
                d[j - i + p - 1] += counts[i][j];
            }
        }
        return d;
    }

    /** Pairs whose band in the later round is above the earlier one. */
    public long movedUp() {
        return bandMoves(1);
    }

    /** Pairs whose band in the later round is below the earlier one. */
    public long movedDown() {
        return bandMoves(-1);
    }

    /** Pairs whose band changed (up or down). */
    public long changedBand() {
        return movedUp() + movedDown();
    }

    private long bandMoves(int direction) {
        long moved = 0;
        for (int i = 0; i < counts.length; i++) {
            int from = scale.bandOf(scale.min() + i).ordinal();
            for (int j = 0; j < counts.length; j++) {
                int to = scale.bandOf(scale.min() + j).ordinal();
                if (Integer.signum(to - from) == direction) {
                    moved += counts[i][j];
                }
            }
        }
        return moved;
    }

    /** The sum of two matrices on the same scale. */
    public PairedHistogram plus(PairedHistogram other) {
        if (!scale.equals(other.scale)) {
            throw new IllegalArgumentException("Cannot add paired histograms on different scales: "
                    + scale.describe() + " and " + other.scale.describe());
        }
        long[][] sum = counts();
        for (int i = 0; i < sum.length; i++) {
            for (int j = 0; j < sum.length; j++) {
                sum[i][j] = Math.addExact(sum[i][j], other.counts[i][j]);
            }
        }
        return new PairedHistogram(scale, sum);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PairedHistogram h && scale.equals(h.scale) && Arrays.deepEquals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scale, Arrays.deepHashCode(counts));
    }

    @Override
    public String toString() {
        return "PairedHistogram" + Arrays.deepToString(counts);
    }
}

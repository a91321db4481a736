package concord.analysis.reconstruction.internal;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.ScoreBand;

/** Where each band's scores sit in a histogram's counts, for filling counts band by band. */
final class BandLayout {

    private final RatingScale scale;

    BandLayout(RatingScale scale) {
        this.scale = scale;
    }

    /** Number of scores in the band. */
    int width(Band band) {
        ScoreBand b = scale.band(band);
        return b.to() - b.from() + 1;
    }

    /** Writes a split of the band's count over its scores into {@code counts}. */
    void place(long[] counts, Band band, int[] split) {
        int offset = scale.band(band).from() - scale.min();
        System.arraycopy(toLongs(split), 0, counts, offset, split.length);
    }

    private static long[] toLongs(int[] split) {
        long[] l = new long[split.length];
        for (int i = 0; i < split.length; i++) {
            l[i] = split[i];
        }
        return l;
    }
}

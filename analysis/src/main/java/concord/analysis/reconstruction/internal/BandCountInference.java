package concord.analysis.reconstruction.internal;

import concord.analysis.Band;
import concord.analysis.reconstruction.PrintedNumber;
import concord.analysis.reconstruction.PublishedRow;
import concord.analysis.reconstruction.Statistic;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Infers n and the count per band from printed valid percentages: for every n in the allowed range,
 * the whole counts whose percentages round to the printed ones. A consistent row has one (rarely a
 * few) exact candidates; an inconsistent row (a typo, percentages not summing to 100) has none, and
 * then every candidate that misses as few printed percentages as possible is returned, for the
 * descriptive statistics to decide between them.
 */
public final class BandCountInference {

    /** Enough to keep every plausible reading of a typo; more means the percentages were unreadable. */
    static final int MAX_CANDIDATES = 64;

    private BandCountInference() {
    }

    /** Candidates with the fewest mismatching percentages, larger n first. */
    public static List<BandCounts> candidates(PublishedRow row, int minN, int maxN) {
        List<BandCounts> all = new ArrayList<>();
        for (int n = Math.max(1, minN); n <= maxN; n++) {
            for (int top = 0; top <= n; top++) {
                for (int middle = 0; middle <= n - top; middle++) {
                    int bottom = n - top - middle;
                    Fit fit = percentFit(row, Band.TOP, top, n)
                            .plus(percentFit(row, Band.MIDDLE, middle, n))
                            .plus(percentFit(row, Band.BOTTOM, bottom, n));
                    boolean topAgrees = percentFit(row, Band.TOP, top, n).exact();
                    all.add(new BandCounts(top, middle, bottom, fit, topAgrees));
                }
            }
        }
        int fewest = all.stream().mapToInt(c -> c.fit().mismatches()).min().orElse(0);
        return all.stream()
                .filter(c -> c.fit().mismatches() == fewest)
                .sorted(Comparator.comparingInt(BandCounts::n).reversed()
                        .thenComparing(BandCounts::fit))
                .limit(MAX_CANDIDATES)
                .toList();
    }

    static Fit percentFit(PublishedRow row, Band band, int count, int n) {
        Statistic s = Statistic.percentOf(band);
        PrintedNumber printed = row.percent(band);
        double excess = RowTarget.excess(printed, 100.0 * count / n, s.minDecimals());
        return excess > 0 ? new Fit(1, excess) : Fit.EXACT;
    }
}

package concord.analysis.internal;

import concord.analysis.Band;
import concord.analysis.ScoreHistogram;

import java.util.ArrayList;
import java.util.List;

/**
 * The group × band contingency table of one outcome as SPSS Crosstabs builds it: only groups with
 * valid answers and only bands somebody used (all-empty categories do not appear in the table).
 */
public final class BandTable {

    private final List<String> rows;
    private final List<Band> bands;
    private final long[][] counts;

    private BandTable(List<String> rows, List<Band> bands, long[][] counts) {
        this.rows = rows;
        this.bands = bands;
        this.counts = counts;
    }

    /** Builds the table from the groups' histograms (labels and histograms in study order). */
    public static BandTable of(List<String> labels, List<ScoreHistogram> histograms) {
        List<String> rows = new ArrayList<>();
        List<long[]> rowCounts = new ArrayList<>();
        for (int g = 0; g < labels.size(); g++) {
            ScoreHistogram h = histograms.get(g);
            if (h.n() > 0) {
                rows.add(labels.get(g));
                long[] r = new long[Band.values().length];
                for (Band band : Band.values()) {
                    r[band.ordinal()] = h.bandCount(band);
                }
                rowCounts.add(r);
            }
        }
        List<Band> bands = new ArrayList<>();
        for (Band band : Band.values()) {
            long sum = 0;
            for (long[] r : rowCounts) {
                sum += r[band.ordinal()];
            }
            if (sum > 0) {
                bands.add(band);
            }
        }
        long[][] counts = new long[rows.size()][bands.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < bands.size(); j++) {
                counts[i][j] = rowCounts.get(i)[bands.get(j).ordinal()];
            }
        }
        return new BandTable(List.copyOf(rows), List.copyOf(bands), counts);
    }

    /** Builds a table directly from counts (rows × columns), for tests and general r × c use. */
    public static BandTable ofCounts(long[][] counts) {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < counts.length; i++) {
            rows.add("row " + (i + 1));
        }
        List<Band> bands = List.of(Band.values()).subList(0, counts[0].length);
        long[][] copy = new long[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return new BandTable(List.copyOf(rows), bands, copy);
    }

    public List<String> rows() {
        return rows;
    }

    public List<Band> bands() {
        return bands;
    }

    public long count(int row, int column) {
        return counts[row][column];
    }

    public long[] rowTotals() {
        long[] t = new long[rows.size()];
        for (int i = 0; i < t.length; i++) {
            for (long c : counts[i]) {
                t[i] += c;
            }
        }
        return t;
    }

    public long[] columnTotals() {
        long[] t = new long[bands.size()];
        for (long[] row : counts) {
            for (int j = 0; j < t.length; j++) {
                t[j] += row[j];
            }
        }
        return t;
    }

    public long total() {
        long n = 0;
        for (long t : rowTotals()) {
            n += t;
        }
        return n;
    }

    /** Why no test is possible on this table, or null if it has at least 2 rows and 2 columns. */
    public String degenerateReason() {
        if (rows.size() < 2) {
            return rows.isEmpty() ? "no group has valid answers"
                    : "only one group (" + rows.get(0) + ") has valid answers";
        }
        if (bands.size() < 2) {
            return "all valid answers fall in one band (" + bands.get(0).name().toLowerCase(java.util.Locale.ROOT)
                    + "), so the band table has a single column";
        }
        return null;
    }
}

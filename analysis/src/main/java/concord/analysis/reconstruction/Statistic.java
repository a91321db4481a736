package concord.analysis.reconstruction;

import concord.analysis.Band;

/** The printed statistics of a summary-table row that a reconstruction has to reproduce. */
public enum Statistic {
    PERCENT_TOP("% 7–9", 1),
    PERCENT_MIDDLE("% 4–6", 1),
    PERCENT_BOTTOM("% 1–3", 1),
    MEAN("mean", 1),
    SD("SD", 1),
    MEDIAN("median", 2),
    Q1("q1", 2),
    Q3("q3", 2);

    private final String label;
    private final int minDecimals;

    Statistic(String label, int minDecimals) {
        this.label = label;
        this.minDecimals = minDecimals;
    }

    /** Short display label, e.g. "% 7–9" (the GRADE bands; other scales name them by band). */
    public String label() {
        return label;
    }

    /**
     * The precision at least assumed when comparing: one decimal for percentages, means and SDs
     * (a mean printed "8" is 8.0), two for quantiles, which on integer data are multiples of 0.25 and
     * are printed exactly ("7.75").
     */
    public int minDecimals() {
        return minDecimals;
    }

    /** The percentage statistic of a band. */
    public static Statistic percentOf(Band band) {
        return switch (band) {
            case TOP -> PERCENT_TOP;
            case MIDDLE -> PERCENT_MIDDLE;
            case BOTTOM -> PERCENT_BOTTOM;
        };
    }

    /** The printed value of this statistic in a row. */
    public PrintedNumber printedIn(PublishedRow row) {
        return switch (this) {
            case PERCENT_TOP -> row.percent(Band.TOP);
            case PERCENT_MIDDLE -> row.percent(Band.MIDDLE);
            case PERCENT_BOTTOM -> row.percent(Band.BOTTOM);
            case MEAN -> row.mean();
            case SD -> row.sd();
            case MEDIAN -> row.median();
            case Q1 -> row.q1();
            case Q3 -> row.q3();
        };
    }
}

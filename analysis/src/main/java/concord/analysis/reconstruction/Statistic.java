package concord.analysis.reconstruction;

import concord.analysis.Band;

/** The printed statistics of a summary-table row that a reconstruction has to reproduce. */
public enum Statistic {
    PERCENT_TOP("% 7–9"),
    PERCENT_MIDDLE("% 4–6"),
    PERCENT_BOTTOM("% 1–3"),
    MEAN("mean"),
    SD("SD"),
    MEDIAN("median"),
    Q1("q1"),
    Q3("q3");

    private final String label;

    Statistic(String label) {
        this.label = label;
    }

    /** Short display label, e.g. "% 7–9" (the GRADE bands; other scales name them by band). */
    public String label() {
        return label;
    }

    /** Whether this is one of the band percentages. */
    public boolean isPercent() {
        return this == PERCENT_TOP || this == PERCENT_MIDDLE || this == PERCENT_BOTTOM;
    }

    /** The band of a percentage statistic. */
    public Band band() {
        return switch (this) {
            case PERCENT_TOP -> Band.TOP;
            case PERCENT_MIDDLE -> Band.MIDDLE;
            case PERCENT_BOTTOM -> Band.BOTTOM;
            default -> throw new IllegalStateException(this + " is not a band percentage");
        };
    }

    /** The probability of a quantile statistic (median 0.5, q1 0.25, q3 0.75); NaN for the others. */
    public double quantileProbability() {
        return switch (this) {
            case MEDIAN -> 0.5;
            case Q1 -> 0.25;
            case Q3 -> 0.75;
            default -> Double.NaN;
        };
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

package concord.analysis.reconstruction;

/** How many histograms reproduce every printed cell of a row, each at its own printed precision. */
public enum RowStatus {
    /** Exactly one histogram fits every printed cell. */
    UNIQUE,
    /** Several histograms fit every printed cell ({@link ReconstructedRow#consistent()} says how many). */
    SEVERAL,
    /** No histogram fits: the row has an impossible cell ({@link ReconstructedRow#impossible()} says which and why). */
    NONE
}

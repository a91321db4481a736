package concord.analysis.reconstruction;

/** How well a reconstructed row reproduces its printed row. */
public enum RowStatus {
    /** Every printed statistic is reproduced within rounding. */
    MATCHED,
    /** Every statistic is reproduced, but only after a garbled cell was read by a documented repair. */
    MATCHED_AFTER_REPAIR,
    /** The printed row is internally inconsistent: the closest data set is used and the differences listed. */
    CLOSEST
}

package concord.analysis;

/** The consensus class of one outcome in one stakeholder group, as decided by a {@link ConsensusRule}. */
public enum Consensus {
    /** Enough of the group rated the outcome in the top band ("critically important"). */
    CRITICAL("critical", "critical importance"),
    /** Neither rule fired ("no consensus"). */
    NEUTRAL("neutral", "neutral"),
    /** Enough of the group rated the outcome in the bottom band. */
    NOT_IMPORTANT("not_important", "not important");

    private final String code;
    private final String label;

    Consensus(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Stable identifier used in JSON: {@code critical}, {@code neutral}, {@code not_important}. */
    public String code() {
        return code;
    }

    /** Human-readable label for reports. */
    public String label() {
        return label;
    }
}

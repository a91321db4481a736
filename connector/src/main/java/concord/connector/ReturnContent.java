package concord.connector;

/** What REDCap reports back after an import. */
public enum ReturnContent {
    /** Only the number of records imported. */
    COUNT,
    /** The IDs of the records imported. */
    IDS;

    String parameter() {
        return this == COUNT ? "count" : "ids";
    }
}

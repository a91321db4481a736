package concord.connector;

/** What an import does with blank values. */
public enum OverwriteBehavior {
    /** Blank values leave the stored value alone (REDCap's {@code normal}). */
    NORMAL,
    /** Blank values erase the stored value (REDCap's {@code overwrite}). */
    OVERWRITE;

    String parameter() {
        return this == NORMAL ? "normal" : "overwrite";
    }
}

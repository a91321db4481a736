package concord.server.run;

/** What asked for a run. */
public enum TriggerKind {
    /** A REDCap Data Entry Trigger (a record was saved). */
    DET,
    /** The project's cron schedule. */
    SCHEDULE,
    /** An administrator through the admin API. */
    ADMIN,
    /** A REDCap user through a project bookmark. */
    BOOKMARK,
    /** The command line ({@code run}, {@code demo}). */
    CLI
}

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
    CLI,
    /**
     * A project-wide run published new results, so a data access group's earlier analysis is refreshed
     * (debounced like a Data Entry Trigger).
     */
    REFRESH
}

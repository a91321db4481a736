package concord.server.run;

/** What a succeeded run did with its result. */
public enum RunOutcome {
    /** New results were published (or stored, when publishing is off). */
    PUBLISHED,
    /** Same data fingerprint and configuration hash as the last published run: nothing re-published. */
    UNCHANGED
}

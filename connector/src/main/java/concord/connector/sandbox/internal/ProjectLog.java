package concord.connector.sandbox.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A project's logging, as REDCap's Logging page and {@code content=log} show it: who did what to which record,
 * when. The sandbox logs what changes data or design through the API (record creates, updates, deletes and
 * renames, file uploads and deletions, data dictionary imports) and the log exports themselves.
 */
public final class ProjectLog {
    /** One entry; {@code record} and {@code dag} (the record's group) are null for design events. */
    public record Entry(Instant timestamp, String username, String action, String details, String record, String dag) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Supplier<Instant> clock;

    ProjectLog(Supplier<Instant> clock) {
        this.clock = clock;
    }

    public synchronized void add(String username, String action, String details, String record, String dag) {
        entries.add(new Entry(clock.get(), username, action, details, record, dag));
    }

    /** A design event ({@code Manage/Design}). */
    public void manage(String username, String details) {
        add(username, "Manage/Design", details, null, null);
    }

    /** Newest first, as REDCap lists them. */
    public synchronized List<Entry> newestFirst() {
        List<Entry> copy = new ArrayList<>(entries);
        java.util.Collections.reverse(copy);
        return copy;
    }
}

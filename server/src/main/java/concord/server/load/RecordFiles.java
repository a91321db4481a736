package concord.server.load;

import concord.connector.RecordCsvScanner;
import concord.connector.RedcapFormatException;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads a REDCap record export file into a {@link FeedResult}, on several threads: the file is cut at record
 * boundaries ({@link RecordCsvScanner#split}), each part feeds its own {@link RecordFeed}, and the parts'
 * counts merge by addition ({@link RecordFeed#combine}). The result is the one a single thread reading the
 * file gives, byte for byte: when a cut turns out not to be a row boundary (a quoted line break), when a
 * record ID appears in two parts (a duplicate, or a record split by the cut), or when a part fails (a
 * malformed line, whose message names its line number), the file is read again on one thread.
 */
public final class RecordFiles {
    /** Below this size one thread reads the file: starting threads would cost more than they save. */
    private static final long PARALLEL_FROM_BYTES = 4 << 20;

    private RecordFiles() {
    }

    /**
     * @param threads threads to use (1 reads sequentially)
     * @throws RedcapFormatException naming the file and line of a row that is not a REDCap CSV row
     */
    public static FeedResult read(Path file, LoadedStudy loaded, StudySpec spec, int threads) throws IOException {
        return read(file, loaded, spec, threads, PARALLEL_FROM_BYTES);
    }

    /** As {@link #read(Path, LoadedStudy, StudySpec, int)}, in parts from {@code parallelFromBytes} on (tests: 0). */
    static FeedResult read(Path file, LoadedStudy loaded, StudySpec spec, int threads, long parallelFromBytes)
            throws IOException {
        try (RecordCsvScanner csv = RecordCsvScanner.open(file)) {
            if (threads > 1 && csv.size() >= parallelFromBytes) {
                FeedResult parallel = inParts(csv, loaded, spec, threads);
                if (parallel != null) {
                    return parallel;
                }
            }
            RecordFeed feed = new RecordFeed(loaded, spec, n -> { });
            try {
                csv.scan(csv.dataStart(), csv.size(), csv.firstDataLine(), feed);
            } catch (RuntimeException e) {
                feed.discard();
                throw e;
            }
            return feed.finish();
        }
    }

    /**
     * The events of a longitudinal export whose rows hold ratings, in event order ({@link RatedEvents}): the rounds
     * of {@code --rounds events} for an export file.
     *
     * @throws StudyConfigurationException when the file has no event column, no rated event, or events in two orders
     */
    public static List<String> ratedEvents(Path file, LoadedStudy loaded) throws IOException {
        concord.server.load.internal.RatedEvents events = new concord.server.load.internal.RatedEvents(loaded.study(),
                loaded.groupField());
        try (RecordCsvScanner csv = RecordCsvScanner.open(file)) {
            csv.scan(csv.dataStart(), csv.size(), csv.firstDataLine(), events);
        }
        String where = file.getFileName() + ": ";
        if (!events.longitudinal()) {
            throw new StudyConfigurationException(String.valueOf(file.getFileName()), List.of(where + "rounds by event need "
                    + "a longitudinal export with a redcap_event_name column; this export has none. Use --round-field "
                    + "for a field holding the round."));
        }
        try {
            List<String> order = events.order();
            if (order.isEmpty()) {
                throw new StudyConfigurationException(String.valueOf(file.getFileName()), List.of(where + "no row holds a "
                        + "rating, so there are no rounds to read."));
            }
            return order;
        } catch (IllegalStateException e) {
            throw new StudyConfigurationException(String.valueOf(file.getFileName()), List.of(where + e.getMessage()
                    + "; name them in round order: --rounds event_a,event_b,…"));
        }
    }

    /** The result read in parts, or null when the parts do not give exactly the sequential result. */
    private static FeedResult inParts(RecordCsvScanner csv, LoadedStudy loaded, StudySpec spec, int threads)
            throws IOException {
        List<long[]> ranges = csv.split(threads);
        if (ranges.size() < 2) {
            return null;
        }
        List<RecordFeed> feeds = new ArrayList<>();
        for (int i = 0; i < ranges.size(); i++) {
            feeds.add(new RecordFeed(loaded, spec, n -> { }, i));
        }
        ExecutorService pool = Executors.newFixedThreadPool(ranges.size() - 1, r -> {
            Thread t = new Thread(r, "concord-read");
            t.setDaemon(true);
            return t;
        });
        boolean exact = true;
        long[] ends = new long[ranges.size()];
        List<Future<Long>> later = new ArrayList<>();
        try {
            for (int i = 1; i < ranges.size(); i++) {
                long[] range = ranges.get(i);
                RecordFeed feed = feeds.get(i);
                // line numbers of later parts are unknown; a failing part makes the whole file be read again
                later.add(pool.submit(() -> csv.scan(range[0], range[1], 0, feed)));
            }
            try {
                ends[0] = csv.scan(ranges.get(0)[0], ranges.get(0)[1], csv.firstDataLine(), feeds.get(0));
            } catch (RuntimeException e) {
                exact = false;
            }
            // Every part runs to its end before anything else reads the file (no interrupts: they would close it).
            for (int i = 1; i < ranges.size(); i++) {
                try {
                    ends[i] = later.get(i - 1).get();
                } catch (ExecutionException e) {
                    exact = false;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading " + csv.source(), e);
        } finally {
            pool.shutdown();
        }
        for (int i = 0; exact && i + 1 < ranges.size(); i++) {
            exact = ends[i] == ranges.get(i + 1)[0];
        }
        for (int i = 0; exact && i < feeds.size(); i++) {
            for (int j = i + 1; exact && j < feeds.size(); j++) {
                exact = !feeds.get(i).sharesRecordsWith(feeds.get(j));
            }
        }
        if (!exact) {
            feeds.forEach(RecordFeed::discard);
            return null;
        }
        return RecordFeed.combine(feeds);
    }
}

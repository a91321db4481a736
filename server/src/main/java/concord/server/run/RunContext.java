package concord.server.run;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Lets a running executor report progress (picked up by the next heartbeat) and find out whether
 * it still owns the run: a worker that lost its lease must not publish. It also notes when each stage
 * started, so a finished run can tell where its time went ({@link #stageMillis()}).
 */
public final class RunContext {
    private final LongSupplier nanoTime;
    private final Map<RunStage, Long> stageStarts = new EnumMap<>(RunStage.class);
    private volatile RunStage stage = RunStage.CLAIMED;
    private volatile int recordsRead;
    private volatile boolean lost;

    public RunContext() {
        this(System::nanoTime);
    }

    /** With the given monotonic clock in nanoseconds (tests). */
    RunContext(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        stageStarts.put(RunStage.CLAIMED, nanoTime.getAsLong());
    }

    public void progress(RunStage stage, int recordsRead) {
        stage(stage);
        this.recordsRead = recordsRead;
    }

    public void stage(RunStage stage) {
        synchronized (stageStarts) {
            stageStarts.putIfAbsent(stage, nanoTime.getAsLong());
        }
        this.stage = stage;
    }

    /**
     * Milliseconds spent in each stage reached so far, in stage order: from the stage's start to the start of
     * the next stage reached, the last one up to now. A stage the run skipped (an UNCHANGED run renders and
     * publishes nothing) is absent.
     */
    public Map<RunStage, Long> stageMillis() {
        long now = nanoTime.getAsLong();
        Map<RunStage, Long> out = new LinkedHashMap<>();
        synchronized (stageStarts) {
            RunStage previous = null;
            for (Map.Entry<RunStage, Long> e : stageStarts.entrySet()) {
                if (previous != null) {
                    out.put(previous, (e.getValue() - stageStarts.get(previous)) / 1_000_000);
                }
                previous = e.getKey();
            }
            out.put(previous, (now - stageStarts.get(previous)) / 1_000_000);
        }
        return out;
    }

    public void recordsRead(int recordsRead) {
        this.recordsRead = recordsRead;
    }

    public RunStage stage() {
        return stage;
    }

    public int recordsRead() {
        return recordsRead;
    }

    /** Throws when another instance has taken the run over (this worker's lease expired). */
    public void ensureOwned() {
        if (lost) {
            throw new RunFailedException("This worker lost its lease on the run (heartbeats were late); "
                    + "another instance re-queued it.");
        }
    }

    void markLost() {
        lost = true;
    }

    boolean isLost() {
        return lost;
    }
}

package concord.server.run;

/**
 * Lets a running executor report progress (picked up by the next heartbeat) and find out whether
 * it still owns the run: a worker that lost its lease must not publish.
 */
public final class RunContext {
    private volatile RunStage stage = RunStage.CLAIMED;
    private volatile int recordsRead;
    private volatile boolean lost;

    public void progress(RunStage stage, int recordsRead) {
        this.stage = stage;
        this.recordsRead = recordsRead;
    }

    public void stage(RunStage stage) {
        this.stage = stage;
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

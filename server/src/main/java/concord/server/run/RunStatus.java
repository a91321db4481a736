package concord.server.run;

/** Where a run is in its life: QUEUED → RUNNING → SUCCEEDED or FAILED. */
public enum RunStatus {
    QUEUED, RUNNING, SUCCEEDED, FAILED;

    public boolean finished() {
        return this == SUCCEEDED || this == FAILED;
    }
}

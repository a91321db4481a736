package concord.server.run;

/** Progress stages reported while a run is RUNNING. */
public enum RunStage {
    CLAIMED, READING_METADATA, READING_RECORDS, ANALYSING, RENDERING, PUBLISHING, DONE
}

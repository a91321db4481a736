package concord.server.run;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * One row of the run table: a queued, running or finished analysis of one project, or of the records of
 * one of its REDCap data access groups.
 *
 * @param scope            {@link #PROJECT_WIDE} (every record) or the unique name of the data access group whose
 *                         records the run analyses, e.g. {@code site_a}
 * @param triggerCount     how many triggers were coalesced into this run
 * @param notBefore        the run is due at this time (debounce), never later than {@code deadline}
 * @param recordsRead      progress: rows read so far
 * @param recordCount      records analysed (excluding the results record)
 * @param excludedValues   rating values excluded as out of range or non-numeric (see the run's issues)
 * @param fingerprint      SHA-256 over the rows read, in canonical order
 * @param configHash       SHA-256 over the analysis-relevant configuration and the Concord version
 * @param publishedTo      where the results went (folder and file names), for people
 * @param stageMillis      where a succeeded run's time went: milliseconds per {@link RunStage} reached, in order
 *                         (from claim to the executor's return; storing the files is not included); null before
 */
@Serdeable
public record Run(
        long id,
        String projectId,
        String scope,
        RunStatus status,
        @Nullable RunOutcome outcome,
        TriggerKind trigger,
        int triggerCount,
        Instant firstTriggerAt,
        Instant lastTriggerAt,
        Instant notBefore,
        Instant deadline,
        @Nullable Instant startedAt,
        @Nullable Instant finishedAt,
        @Nullable Instant leaseUntil,
        @Nullable String workerId,
        int attempts,
        @Nullable RunStage stage,
        int recordsRead,
        @Nullable Integer recordCount,
        @Nullable Integer excludedValues,
        @Nullable String fingerprint,
        @Nullable String configHash,
        @Nullable String concordVersion,
        @Nullable String redcapVersion,
        @Nullable String publishedTo,
        @Nullable String errorMessage,
        @Nullable Map<String, Long> stageMillis) {

    /** The scope of a run over every record of the project. */
    public static final String PROJECT_WIDE = "";

    public Run {
        scope = scope == null ? PROJECT_WIDE : scope;
    }

    /** True when the run analyses every record of the project (not one data access group's). */
    public boolean projectWide() {
        return scope.isEmpty();
    }
}

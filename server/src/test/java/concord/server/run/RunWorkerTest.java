package concord.server.run;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What a failed run's log line keeps of its message (the full message stays with the run). */
class RunWorkerTest {

    @Test
    void logLinesDropRecordIdListsAndQuotedValues() {
        assertEquals("Project rel: REDCap listed 4 records for batch 2 of 3 but did not return 2 of them: […]. Run again.",
                RunWorker.withoutParticipantData(
                        "Project rel: REDCap listed 4 records for batch 2 of 3 but did not return 2 of them: [5, qz7731-2]. Run again."));
        assertEquals("record '…' field '…'", RunWorker.withoutParticipantData("record 'abc' field 'pain'"));
        assertEquals("", RunWorker.withoutParticipantData(null));
    }
}

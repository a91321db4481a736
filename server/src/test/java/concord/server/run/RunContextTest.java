package concord.server.run;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RunContextTest {
    private static final long MS = 1_000_000;

    @Test
    void eachStageLastsUntilTheNextOneStartsAndTheLastUntilNow() {
        AtomicLong nanos = new AtomicLong(5 * MS);
        RunContext context = new RunContext(nanos::get);
        nanos.addAndGet(2 * MS);
        context.stage(RunStage.READING_METADATA);
        nanos.addAndGet(30 * MS);
        context.progress(RunStage.READING_RECORDS, 10);
        nanos.addAndGet(400 * MS);
        context.recordsRead(56);
        context.stage(RunStage.READING_RECORDS); // reported again: its start stays the first report
        nanos.addAndGet(100 * MS);
        context.stage(RunStage.ANALYSING);
        nanos.addAndGet(7 * MS + 999_999);

        Map<RunStage, Long> millis = context.stageMillis();
        assertEquals(List.of(RunStage.CLAIMED, RunStage.READING_METADATA, RunStage.READING_RECORDS, RunStage.ANALYSING),
                List.copyOf(millis.keySet()), "only the stages reached, in order");
        assertEquals(List.of(2L, 30L, 500L, 7L), List.copyOf(millis.values()));
        assertEquals(RunStage.ANALYSING, context.stage());
        assertEquals(56, context.recordsRead());

        nanos.addAndGet(MS);
        assertEquals(8L, context.stageMillis().get(RunStage.ANALYSING), "the current stage runs on until asked");
    }

    @Test
    void aFreshContextHasSpentItsTimeClaimed() {
        AtomicLong nanos = new AtomicLong();
        RunContext context = new RunContext(nanos::get);
        nanos.set(12 * MS);
        assertEquals(Map.of(RunStage.CLAIMED, 12L), context.stageMillis());
    }
}

package concord.server.run;

import concord.server.config.ProjectRegistry;
import concord.server.config.RunsConfiguration;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The one way to ask for a run. Data Entry Triggers and schedules are debounced (bursts coalesce);
 * admin, bookmark and command-line requests are due at once (and also join a queued run).
 */
@Singleton
public class RunTriggers {
    private final RunQueue queue;
    private final ProjectRegistry projects;
    private final RunsConfiguration config;
    private final Clock clock;
    private final BeanProvider<RunWorker> worker;

    public RunTriggers(RunQueue queue, ProjectRegistry projects, RunsConfiguration config, Clock clock,
                       BeanProvider<RunWorker> worker) {
        this.queue = queue;
        this.projects = projects;
        this.config = config;
        this.clock = clock;
        this.worker = worker;
    }

    /** Durably records the trigger and returns the queued run it created or joined. */
    public Run trigger(String projectId, TriggerKind kind) {
        projects.require(projectId);
        Duration delay = kind == TriggerKind.DET || kind == TriggerKind.SCHEDULE ? config.debounce() : Duration.ZERO;
        Run run = queue.enqueue(projectId, kind, clock.instant(), delay, config.maxWait());
        if (delay.isZero()) {
            worker.ifPresent(RunWorker::wake);
        }
        return run;
    }
}

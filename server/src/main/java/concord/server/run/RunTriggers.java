package concord.server.run;

import concord.server.config.ProjectRegistry;
import concord.server.config.RunsConfiguration;
import io.micronaut.context.BeanProvider;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

/**
 * The one way to ask for a run. Data Entry Triggers and schedules are debounced (bursts coalesce);
 * admin, bookmark and command-line requests are due at once (and also join a queued run). Data Entry
 * Triggers and schedules ask for project-wide runs; a data access group's user asks for their group's run.
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

    /** Durably records the trigger of a project-wide run and returns the queued run it created or joined. */
    public Run trigger(String projectId, TriggerKind kind) {
        return trigger(projectId, Run.PROJECT_WIDE, kind);
    }

    /**
     * Durably records the trigger of a run of one scope: {@link Run#PROJECT_WIDE}, or the unique name of the
     * data access group whose records it analyses. Returns the queued run of that scope it created or joined.
     */
    public Run trigger(String projectId, String scope, TriggerKind kind) {
        projects.require(projectId);
        Duration delay = kind == TriggerKind.DET || kind == TriggerKind.SCHEDULE || kind == TriggerKind.REFRESH
                ? config.debounce() : Duration.ZERO;
        Run run = queue.enqueue(projectId, scope, kind, clock.instant(), delay, config.maxWait());
        if (delay.isZero()) {
            worker.ifPresent(RunWorker::wake);
        }
        return run;
    }
}

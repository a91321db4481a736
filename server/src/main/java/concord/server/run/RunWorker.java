package concord.server.run;

import concord.server.config.RunsConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * This instance's worker: polls the queue, recovers expired leases, claims one run at a time,
 * executes it with a heartbeat running beside it, and records the outcome. When a project-wide run
 * publishes new results, the data access groups that have had runs of their own get a debounced
 * refresh (coalesced with any run of theirs already queued).
 */
@Singleton
@Requires(property = "concord.runs.worker-enabled", notEquals = "false")
public class RunWorker {
    private static final Logger LOG = LoggerFactory.getLogger(RunWorker.class);
    /** The MDC keys of the project and run being executed: filter structured logs by them. */
    public static final String MDC_PROJECT = "projectId";
    public static final String MDC_RUN = "runId";
    /** Set only for a run scoped to a data access group: the group's unique name. */
    public static final String MDC_SCOPE = "scope";

    private final RunQueue queue;
    private final RunRepository runs;
    private final RunExecutor executor;
    private final RunsConfiguration config;
    private final Clock clock;
    private final ScheduledExecutorService loop;
    private final ScheduledExecutorService heartbeats;
    private final Object wakeLock = new Object();
    private volatile boolean running;

    public RunWorker(RunQueue queue, RunRepository runs, RunExecutor executor, RunsConfiguration config, Clock clock) {
        this.queue = queue;
        this.runs = runs;
        this.executor = executor;
        this.config = config;
        this.clock = clock;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "concord-worker"));
        this.heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "concord-heartbeat"));
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    @EventListener
    void onShutdown(ShutdownEvent event) {
        stop();
    }

    public synchronized void start() {
        if (!running) {
            running = true;
            loop.execute(this::pollForever);
            LOG.info("Run worker {} started (poll every {}, lease {})", config.workerId(), config.pollInterval(), config.lease());
        }
    }

    public synchronized void stop() {
        running = false;
        wake();
        loop.shutdownNow();
        heartbeats.shutdownNow();
    }

    /** Look at the queue now instead of at the next poll. */
    public void wake() {
        synchronized (wakeLock) {
            wakeLock.notifyAll();
        }
    }

    private void pollForever() {
        while (running && !Thread.currentThread().isInterrupted()) {
            boolean worked = false;
            try {
                worked = pollOnce();
            } catch (RuntimeException e) {
                LOG.warn("Run worker {}: {}", config.workerId(), e.getMessage());
            }
            if (!worked) {
                synchronized (wakeLock) {
                    try {
                        wakeLock.wait(Math.max(1, config.pollInterval().toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    /** One poll: recover expired leases, then claim and execute at most one run. True if it ran one. */
    public boolean pollOnce() {
        queue.recoverExpired(clock.instant(), config.maxAttempts());
        Optional<Run> claimed = queue.claim(config.workerId(), clock.instant(), config.lease());
        claimed.ifPresent(this::execute);
        return claimed.isPresent();
    }

    private void execute(Run run) {
        // every line logged while the run executes (here, in the executor, the REDCap client) carries them
        try (MDC.MDCCloseable project = MDC.putCloseable(MDC_PROJECT, run.projectId());
             MDC.MDCCloseable id = MDC.putCloseable(MDC_RUN, Long.toString(run.id()));
             MDC.MDCCloseable scope = run.projectWide() ? null : MDC.putCloseable(MDC_SCOPE, run.scope())) {
            executeLogged(run);
        }
    }

    private void executeLogged(Run run) {
        LOG.info("Run {} of project {} claimed by {} ({} trigger(s), attempt {})", run.id(), run.projectId(),
                config.workerId(), run.triggerCount(), run.attempts());
        RunContext context = new RunContext();
        long period = Math.max(1, config.heartbeat().toMillis());
        ScheduledFuture<?> beat = heartbeats.scheduleAtFixedRate(() -> beat(run, context), period, period,
                TimeUnit.MILLISECONDS);
        try {
            RunCompletion done = executor.execute(run, context);
            beat.cancel(false);
            context.ensureOwned();
            java.util.Map<RunStage, Long> stageMillis = context.stageMillis();
            if (queue.succeed(run.id(), config.workerId(), clock.instant(), done, stageMillis)) {
                LOG.info("Run {} of project {}{} succeeded: {} ({} records; ms per stage {})", run.id(), run.projectId(),
                        run.projectWide() ? "" : " (data access group " + run.scope() + ")", done.outcome(), done.recordCount(),
                        stageMillis);
                if (run.projectWide() && done.outcome() == RunOutcome.PUBLISHED) {
                    refreshGroups(run);
                }
            } else {
                LOG.warn("Run {} of project {} finished after this worker lost it; result discarded", run.id(), run.projectId());
            }
        } catch (Exception e) {
            beat.cancel(false);
            String message = e instanceof RunFailedException ? e.getMessage()
                    : e.getClass().getSimpleName() + ": " + e.getMessage();
            RunFailureFacts facts = e instanceof RunFailedException rfe ? rfe.facts() : null;
            if (!(e instanceof RunFailedException)) {
                LOG.warn("Run {} of project {} failed unexpectedly", run.id(), run.projectId(), e);
            } else {
                // The message can name records and values (e.g. the IDs REDCap left out of a batch): it is
                // stored with the run for the admin API; the log gets only its record- and value-free part.
                LOG.warn("Run {} of project {} failed: {} (full message: GET /runs/{})", run.id(), run.projectId(),
                        withoutParticipantData(message), run.id());
            }
            if (!context.isLost()) {
                queue.fail(run.id(), config.workerId(), clock.instant(), message, facts);
            }
        }
    }

    /** Queues a debounced refresh of every data access group of the project that has had a run before. */
    private void refreshGroups(Run run) {
        try {
            for (String group : runs.groupScopes(run.projectId())) {
                Run queued = queue.enqueue(run.projectId(), group, TriggerKind.REFRESH, clock.instant(), config.debounce(),
                        config.maxWait());
                LOG.info("Run {} of project {} queued to refresh data access group {} after run {}", queued.id(),
                        run.projectId(), group, run.id());
            }
        } catch (RuntimeException e) {
            LOG.warn("Run {} of project {}: could not queue refreshes of its data access groups: {}", run.id(),
                    run.projectId(), e.getMessage());
        }
    }

    private void beat(Run run, RunContext context) {
        try (MDC.MDCCloseable project = MDC.putCloseable(MDC_PROJECT, run.projectId());
             MDC.MDCCloseable id = MDC.putCloseable(MDC_RUN, Long.toString(run.id()))) {
            if (!queue.heartbeat(run.id(), config.workerId(), clock.instant(), config.lease(), context.stage(),
                    context.recordsRead())) {
                context.markLost();
            }
        } catch (RuntimeException e) {
            LOG.warn("Heartbeat of run {} failed: {}", run.id(), e.getMessage());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Drops bracketed lists and quoted texts, where run failure messages carry record IDs and values. */
    public static String withoutParticipantData(String message) {
        return message == null ? "" : message.replaceAll("\\[[^\\]]*\\]", "[…]").replaceAll("'[^']*'", "'…'");
    }
}

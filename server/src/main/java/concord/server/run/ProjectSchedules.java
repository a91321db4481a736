package concord.server.run;

import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.TaskScheduler;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers each project's {@code schedule} cron expression. Every instance fires it; the queue's
 * one-queued-run-per-project rule makes the duplicates coalesce into one run.
 */
@Singleton
public class ProjectSchedules {
    private static final Logger LOG = LoggerFactory.getLogger(ProjectSchedules.class);

    private final ProjectRegistry projects;
    private final RunTriggers triggers;
    private final TaskScheduler scheduler;

    public ProjectSchedules(ProjectRegistry projects, RunTriggers triggers,
                            @Named(TaskExecutors.SCHEDULED) TaskScheduler scheduler) {
        this.projects = projects;
        this.triggers = triggers;
        this.scheduler = scheduler;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        for (ProjectConfiguration project : projects.all()) {
            String cron = project.schedule();
            if (cron != null && !cron.isBlank()) {
                scheduler.schedule(cron, () -> fire(project.id()));
                LOG.info("Project {}: scheduled runs at cron '{}'", project.id(), cron);
            }
        }
    }

    private void fire(String projectId) {
        try {
            triggers.trigger(projectId, TriggerKind.SCHEDULE);
        } catch (RuntimeException e) {
            LOG.warn("Project {}: scheduled trigger not stored: {}", projectId, e.getMessage());
        }
    }
}

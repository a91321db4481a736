package concord.server.api;

import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectRegistry;
import concord.server.run.Run;
import concord.server.run.RunTriggers;
import concord.server.run.TriggerKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.Optional;

/**
 * Receives REDCap Data Entry Triggers. A DET carries no authentication, so it is only a hint: the
 * project must be configured, the URL must carry that project's secret, and every URL in the request
 * ({@code redcap_url}, {@code project_url}) is ignored: runs read data from the configured API URL
 * with the configured token. The answer comes once the trigger is stored (503 if it cannot be).
 */
@Controller("/redcap")
@Tag(name = "REDCap")
public class DetController {
    private static final Logger LOG = LoggerFactory.getLogger(DetController.class);

    private final ProjectRegistry projects;
    private final RunTriggers triggers;

    public DetController(ProjectRegistry projects, RunTriggers triggers) {
        this.projects = projects;
        this.triggers = triggers;
    }

    @Post(uri = "/det", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA},
            produces = MediaType.TEXT_PLAIN)
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Operation(summary = "REDCap Data Entry Trigger",
            description = "Point the project's Data Entry Trigger URL at /redcap/det?secret=<det-secret>. "
                    + "Queues a debounced run of the configured project with this REDCap project_id.")
    @ApiResponse(responseCode = "202", description = "trigger stored; a run is queued")
    @ApiResponse(responseCode = "400", description = "project_id missing")
    @ApiResponse(responseCode = "403", description = "project not configured or secret wrong")
    @ApiResponse(responseCode = "503", description = "trigger could not be stored; REDCap does not retry, so the next save or the schedule catches up")
    public HttpResponse<String> receive(@QueryValue @Nullable String secret, @Body Map<String, Object> form) {
        String projectId = text(form.get("project_id"));
        if (projectId == null || projectId.isBlank()) {
            return HttpResponse.badRequest("Missing project_id: this endpoint accepts REDCap Data Entry Triggers only.");
        }
        Optional<ProjectConfiguration> project = projects.matchTrigger(projectId, secret);
        if (project.isEmpty()) {
            LOG.warn("Data Entry Trigger refused: REDCap project_id {} is not configured with this secret",
                    LogSafe.token(projectId));
            return HttpResponse.status(HttpStatus.FORBIDDEN)
                    .body("Refused: no configured project has this project_id and secret.");
        }
        try {
            Run run = triggers.trigger(project.get().id(), TriggerKind.DET);
            LOG.info("Data Entry Trigger for project {} (instrument {}) stored in run {} ({} trigger(s))",
                    project.get().id(), LogSafe.token(text(form.get("instrument"))), run.id(), run.triggerCount());
            return HttpResponse.accepted().body("Queued run " + run.id() + ".");
        } catch (RuntimeException e) {
            LOG.error("Data Entry Trigger for project {} NOT stored: {}", project.get().id(), e.getMessage());
            return HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .body("Trigger not stored: the run database is unavailable.");
        }
    }

    private static String text(Object value) {
        if (value instanceof Iterable<?> values) {
            for (Object v : values) {
                return v == null ? null : v.toString();
            }
            return null;
        }
        return value == null ? null : value.toString();
    }
}

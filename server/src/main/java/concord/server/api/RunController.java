package concord.server.api;

import concord.server.config.ProjectRegistry;
import concord.server.config.UnknownProjectException;
import concord.server.run.Run;
import concord.server.run.RunFile;
import concord.server.run.RunRepository;
import concord.server.run.RunTriggers;
import concord.server.run.TriggerKind;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Admin API for runs: start one, list a project's runs, read one run and its files. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Runs")
@SecurityRequirement(name = "bearer")
public class RunController {
    private final ProjectRegistry projects;
    private final RunTriggers triggers;
    private final RunRepository runs;

    public RunController(ProjectRegistry projects, RunTriggers triggers, RunRepository runs) {
        this.projects = projects;
        this.triggers = triggers;
        this.runs = runs;
    }

    @Post("/projects/{id}/runs")
    @Operation(summary = "Start a run now", description = "Queues a run due immediately (joins a queued run of the same "
            + "scope if there is one): of every record, or with ?group=<unique group name> of one data access group's records.")
    public HttpResponse<?> start(@PathVariable String id, @QueryValue @Nullable String group) {
        String scope = group == null ? Run.PROJECT_WIDE : group.strip();
        try {
            return HttpResponse.accepted().body(triggers.trigger(id, scope, TriggerKind.ADMIN));
        } catch (IllegalArgumentException e) {
            return HttpResponse.badRequest(new ApiError(e.getMessage() + ". Use the data access group's unique name as "
                    + "REDCap shows it (Data Access Groups page), e.g. ?group=site_a."));
        }
    }

    @Get("/projects/{id}/runs")
    @Operation(summary = "A project's runs, newest first",
            description = "Every scope, or with ?group=<unique group name> one data access group's runs (?group= empty: project-wide runs only).")
    public List<Run> list(@PathVariable String id, @QueryValue @Nullable Integer limit, @QueryValue @Nullable String group) {
        projects.require(id);
        int n = limit == null ? 50 : limit;
        return group == null ? runs.list(id, n) : runs.list(id, group.strip(), n);
    }

    @Get("/runs/{id}")
    @Operation(summary = "One run: status, progress, timings, fingerprint, versions, error")
    public HttpResponse<?> get(@PathVariable long id) {
        return runs.find(id).<HttpResponse<?>>map(HttpResponse::ok)
                .orElseGet(() -> HttpResponse.notFound(new ApiError("No run " + id + ".")));
    }

    @Get("/runs/{id}/files")
    @Operation(summary = "Names and types of the files a run produced")
    public List<RunFile> files(@PathVariable long id) {
        return runs.files(id);
    }

    @Get("/runs/{id}/files/{name}")
    @Operation(summary = "Download one file a run produced")
    public HttpResponse<?> file(@PathVariable long id, @PathVariable String name) {
        return runs.artifact(id, name)
                .<HttpResponse<?>>map(a -> HttpResponse.ok(a.content()).contentType(MediaType.of(a.mediaType()))
                        .header("Content-Disposition", "attachment; filename=\"" + a.name().replace("\"", "") + "\""))
                .orElseGet(() -> HttpResponse.notFound(new ApiError("Run " + id + " has no file '" + name + "'.")));
    }

    @Error(exception = UnknownProjectException.class, global = true)
    public HttpResponse<ApiError> unknownProject(HttpRequest<?> request, UnknownProjectException e) {
        return HttpResponse.<ApiError>status(HttpStatus.NOT_FOUND).body(new ApiError(e.getMessage()));
    }
}

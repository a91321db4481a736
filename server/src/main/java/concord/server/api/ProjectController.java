package concord.server.api;

import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectRegistry;
import concord.server.load.CheckReport;
import concord.server.load.ProjectCheck;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;

/** Admin API for projects: list them and check one against its live REDCap project. */
@Controller("/projects")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "Projects")
@SecurityRequirement(name = "bearer")
public class ProjectController {
    private final ProjectRegistry projects;
    private final ProjectCheck check;

    public ProjectController(ProjectRegistry projects, ProjectCheck check) {
        this.projects = projects;
        this.check = check;
    }

    /** A configured project as the API shows it (no token, no secret). */
    @Serdeable
    public record ProjectSummary(String id, String title, String apiUrl, @Nullable Long redcapProjectId,
                                 @Nullable String schedule, boolean detEnabled, String publishFolder) {
    }

    @Get
    @Operation(summary = "Configured projects (without tokens or secrets)")
    public List<ProjectSummary> list() {
        return projects.all().stream().map(ProjectController::summary).toList();
    }

    @Get("/{id}/check")
    @Operation(summary = "Check the configuration against the live REDCap project and say what to fix")
    public CheckReport check(@PathVariable String id) {
        return check.check(projects.require(id));
    }

    static ProjectSummary summary(ProjectConfiguration p) {
        return new ProjectSummary(p.id(), p.displayTitle(), String.valueOf(p.apiUrl()), p.redcapProjectId(), p.schedule(),
                p.detSecret() != null && !p.detSecret().isBlank(), p.publish().folder());
    }
}

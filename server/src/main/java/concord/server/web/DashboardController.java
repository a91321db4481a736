package concord.server.web;

import static concord.server.web.internal.Html.escape;
import static concord.server.web.internal.Html.url;

import concord.analysis.StudyResult;
import concord.analysis.report.HtmlReportRenderer;
import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectRegistry;
import concord.server.run.Run;
import concord.server.run.RunArtifact;
import concord.server.run.RunOutcome;
import concord.server.run.RunStatus;
import concord.server.run.RunTriggers;
import concord.server.run.RunWorker;
import concord.server.run.TriggerKind;
import concord.server.web.internal.Page;
import concord.server.web.internal.ProjectPage;
import concord.server.web.internal.Responses;
import concord.server.web.internal.StoredResultException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.ResourceResolver;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The project dashboard, for sessions started by a bookmark launch. A session sees only the projects
 * it launched. A user in a REDCap data access group sees only the runs of that group's records (their
 * results, progress, history and downloads) and starts runs of that group; a run of the whole project
 * or of another group is refused even when asked for by id. A user in no group sees the project-wide
 * analysis and may open every group's runs from the history.
 */
@Controller("/dashboard")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class DashboardController {
    private static final Logger LOG = LoggerFactory.getLogger(DashboardController.class);
    private static final int HISTORY = 15;

    private final ProjectRegistry projects;
    private final SessionStore sessions;
    private final RunReports reports;
    private final RunTriggers triggers;
    private final String stylesheet;

    public DashboardController(ProjectRegistry projects, SessionStore sessions, RunReports reports, RunTriggers triggers,
                               ResourceResolver resources) {
        this.projects = projects;
        this.sessions = sessions;
        this.reports = reports;
        this.triggers = triggers;
        this.stylesheet = HtmlReportRenderer.STYLESHEET + HtmlReportRenderer.ROUNDS_STYLESHEET + "\n" + resource(resources, "classpath:concord/web/dashboard.css");
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> index(HttpRequest<?> request) {
        Optional<DashboardSession> session = SessionCookie.read(request).flatMap(sessions::find);
        if (session.isEmpty()) {
            return noSession();
        }
        StringBuilder body = new StringBuilder("<ul class=\"projects\">");
        session.get().grants().values().stream().sorted((a, b) -> a.projectId().compareTo(b.projectId())).forEach(g -> {
            String title = projects.find(g.projectId()).map(ProjectConfiguration::displayTitle).orElse(g.projectId());
            body.append("<li><a href=\"/dashboard/").append(url(g.projectId())).append("\">").append(escape(title)).append("</a></li>");
        });
        body.append("</ul>\n");
        return Responses.html(HttpStatus.OK, Page.render("Your projects", null, 0, null, body.toString()));
    }

    @Get(uri = "/{project}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> project(HttpRequest<?> request, @PathVariable String project, @QueryValue @Nullable String sort,
                                        @QueryValue @Nullable String domain, @QueryValue @Nullable String differs) {
        Access access = authorize(request, project);
        if (access.refusal() != null) {
            return access.refusal();
        }
        ProjectGrant grant = access.grant();
        return page(request, access, project, reports.latest(project, grant.scope()), false, sort, domain, differs);
    }

    @Get(uri = "/{project}/runs/{runId}", produces = MediaType.TEXT_HTML)
    public HttpResponse<String> run(HttpRequest<?> request, @PathVariable String project, @PathVariable String runId,
                                    @QueryValue @Nullable String sort, @QueryValue @Nullable String domain,
                                    @QueryValue @Nullable String differs) {
        Access access = authorize(request, project);
        if (access.refusal() != null) {
            return access.refusal();
        }
        RunAccess run = visibleRun(access.grant(), project, runId);
        if (run.refusal() != null) {
            return run.refusal();
        }
        return page(request, access, project, Optional.of(run.run()), true, sort, domain, differs);
    }

    private HttpResponse<String> page(HttpRequest<?> request, Access access, String project, Optional<Run> latest,
                                      boolean pinned, String sort, String domain, String differs) {
        ProjectConfiguration config = access.project();
        ProjectGrant grant = access.grant();
        Optional<StudyResult> result = Optional.empty();
        Optional<String> error = Optional.empty();
        if (latest.isPresent() && latest.get().status() != RunStatus.SUCCEEDED) {
            Run run = latest.get();
            String why = run.projectWide() ? run.errorMessage() : RunWorker.withoutParticipantData(run.errorMessage());
            error = Optional.of("Run #" + run.id() + " has no results: it is " + run.status().name().toLowerCase(Locale.ROOT)
                    + (run.errorMessage() == null ? "." : " (" + why + ")."));
        } else if (latest.isPresent() && latest.get().outcome() == RunOutcome.UNCHANGED) {
            error = Optional.of("Run #" + latest.get().id() + " read the same data as an earlier run and stored no new "
                    + "results (" + latest.get().publishedTo() + "); open that run from the history.");
        } else if (latest.isPresent()) {
            try {
                result = reports.result(latest.get().id());
                if (result.isEmpty()) {
                    error = Optional.of("Run #" + latest.get().id() + " stored no result.json, so its results cannot be "
                            + "shown here; use the downloads.");
                }
            } catch (StoredResultException e) {
                error = Optional.of("The results of run #" + latest.get().id() + " cannot be shown: " + e.getMessage() + ".");
            }
        }
        // a user in a group sees their group's runs only; a user in no group sees every run, labelled with its scope
        List<Run> history = grant.restrictedToGroup() ? reports.history(project, grant.scope(), HISTORY)
                : reports.history(project, HISTORY);
        List<String> formats = latest.map(run -> RunReports.FORMATS.stream()
                .filter(f -> reports.file(run.id(), f).isPresent()).toList()).orElse(List.of());
        ProjectPage.Model model = new ProjectPage.Model(project, config.displayTitle(), grant.username(),
                access.session().csrfToken(), latest, result, error, history, formats, Table1Query.of(sort, domain, differs),
                grant.scope(), pinned, config.reportLanguage(), topicGuide(project, () -> config.topicGuide().resolve(), result, formats));
        concord.analysis.report.ReportMessages words = concord.analysis.report.ReportMessages.forLanguage(config.reportLanguage());
        String subtitle = result.map(StudyResult::title).filter(t -> !t.equals(config.displayTitle()))
                .map(t -> t + " \u00b7 ").orElse("") + (grant.restrictedToGroup()
                ? words.format("dashboard.signedInGroup", "user", grant.username(), "group", grant.dataAccessGroup())
                : words.format("dashboard.signedIn", "user", grant.username()));
        return Responses.html(HttpStatus.OK, Page.render(config.displayTitle(), subtitle, model.busy() ? 3 : 0,
                selfUrl(request), ProjectPage.render(model), config.reportLanguage()));
    }

    /**
     * The focus-group topic guide of the shown result, in the wording the project publishes it in, when its run
     * published one; a template that cannot be read now leaves the section out and says so in the log (the download
     * keeps the published guide).
     */
    static Optional<concord.analysis.report.TopicGuide> topicGuide(String projectId,
            java.util.function.Supplier<concord.analysis.report.TopicGuideTemplate> template, Optional<StudyResult> result,
            List<String> formats) {
        if (result.isEmpty() || !formats.contains("topic-guide-html")) {
            return Optional.empty();
        }
        try {
            return Optional.of(concord.analysis.report.TopicGuide.of(result.get(), template.get()));
        } catch (RuntimeException e) {
            LOG.warn("Project {}: the dashboard shows no topic guide section ({}); correct topic-guide.language or "
                    + "topic-guide.template (the published topic-guide files are unaffected)", projectId, e.getMessage());
            return Optional.empty();
        }
    }

    @Post(uri = "/{project}/runs", consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA},
            produces = MediaType.TEXT_HTML)
    public HttpResponse<String> runNow(HttpRequest<?> request, @PathVariable String project, @Body @Nullable Map<String, Object> form) {
        Access access = authorize(request, project);
        if (access.refusal() != null) {
            return access.refusal();
        }
        Object csrf = form == null ? null : form.get("csrf");
        if (!SessionStore.csrfMatches(access.session(), csrf == null ? null : csrf.toString())) {
            return Responses.problem(HttpStatus.FORBIDDEN, "Request not accepted", "The form did not carry this session's "
                    + "security token, so Concord did not start a run (it may have come from another site).",
                    "Go back to the dashboard, reload it, and press \u201cRun analysis now\u201d again.");
        }
        Run run = triggers.trigger(project, access.grant().scope(), TriggerKind.BOOKMARK);
        return Responses.secure(HttpResponse.<String>seeOther(URI.create("/dashboard/" + url(project) + "?run=" + run.id())));
    }

    @Get(uri = "/{project}/downloads/{format}")
    public HttpResponse<?> download(HttpRequest<?> request, @PathVariable String project, @PathVariable String format) {
        Access access = authorize(request, project);
        if (access.refusal() != null) {
            return access.refusal();
        }
        return file(reports.latest(project, access.grant().scope()), format);
    }

    @Get(uri = "/{project}/runs/{runId}/downloads/{format}")
    public HttpResponse<?> runDownload(HttpRequest<?> request, @PathVariable String project, @PathVariable String runId,
                                       @PathVariable String format) {
        Access access = authorize(request, project);
        if (access.refusal() != null) {
            return access.refusal();
        }
        RunAccess run = visibleRun(access.grant(), project, runId);
        if (run.refusal() != null) {
            return run.refusal();
        }
        return file(Optional.of(run.run()), format);
    }

    private HttpResponse<?> file(Optional<Run> latest, String format) {
        String wanted = format.toLowerCase(Locale.ROOT);
        if (!RunReports.FORMATS.contains(wanted)) {
            return Responses.problem(HttpStatus.NOT_FOUND, "Unknown format", "Concord offers the formats "
                    + String.join(", ", RunReports.FORMATS) + ".", "Use one of the download links on the dashboard.");
        }
        Optional<RunArtifact> file = latest.flatMap(run -> reports.download(run.id(), wanted));
        if (file.isEmpty()) {
            return Responses.problem(HttpStatus.NOT_FOUND, "No " + wanted.toUpperCase(Locale.ROOT) + " report",
                    latest.isEmpty() ? "There is no published run of these records yet."
                            : "Run #" + latest.get().id() + " did not produce a " + wanted.toUpperCase(Locale.ROOT) + " file.",
                    "Start a run from the dashboard, then download again.");
        }
        RunArtifact artifact = file.get();
        String name = artifact.name().replaceAll("[^A-Za-z0-9._-]", "_");
        return Responses.secure(HttpResponse.ok(artifact.content()).contentType(MediaType.of(artifact.mediaType()))
                .header("Content-Disposition", "attachment; filename=\"" + name + "\""));
    }

    @Get(uri = "/assets/dashboard.css", produces = "text/css")
    public HttpResponse<String> stylesheet() {
        return HttpResponse.ok(stylesheet).contentType("text/css;charset=utf-8").header("Cache-Control", "max-age=3600")
                .header("X-Content-Type-Options", "nosniff");
    }

    private record Access(DashboardSession session, ProjectGrant grant, ProjectConfiguration project,
                          HttpResponse<String> refusal) {
        static Access refused(HttpResponse<String> refusal) {
            return new Access(null, null, null, refusal);
        }
    }

    private Access authorize(HttpRequest<?> request, String projectId) {
        Optional<DashboardSession> session = SessionCookie.read(request).flatMap(sessions::find);
        if (session.isEmpty()) {
            return Access.refused(noSession());
        }
        Optional<ProjectGrant> grant = session.get().grant(projectId);
        Optional<ProjectConfiguration> project = projects.find(projectId);
        if (grant.isEmpty() || project.isEmpty()) {
            return Access.refused(Responses.problem(HttpStatus.FORBIDDEN, "Not your project",
                    "This session was opened from a different REDCap project; it can only show the projects whose "
                            + "bookmark you used.",
                    "Open this project in REDCap and click its Concord bookmark."));
        }
        return new Access(session.get(), grant.get(), project.get(), null);
    }

    private record RunAccess(Run run, HttpResponse<String> refusal) {
    }

    /** The run with this id if it belongs to the project and the grant may see its scope; else a refusal page. */
    private RunAccess visibleRun(ProjectGrant grant, String projectId, String runId) {
        Optional<Run> run = runId.matches("[0-9]{1,18}") ? reports.run(Long.parseLong(runId)) : Optional.empty();
        if (run.isEmpty() || !run.get().projectId().equals(projectId)) {
            return new RunAccess(null, Responses.problem(HttpStatus.NOT_FOUND, "No such run", "This project has no run #"
                    + runId + ".", "Open the run from the dashboard's run history."));
        }
        if (!grant.maySee(run.get())) {
            return new RunAccess(null, Responses.problem(HttpStatus.FORBIDDEN, "Not your data access group",
                    "Your REDCap account is in the data access group \u201c" + grant.dataAccessGroup() + "\u201d ("
                            + grant.uniqueGroupName() + "), so Concord shows you only analyses of that group's records. Run #"
                            + run.get().id() + " analysed " + (run.get().projectWide() ? "every record of the project"
                            : "the records of another data access group") + ".",
                    "Use the dashboard of your group; ask a project member in no data access group for other results."));
        }
        return new RunAccess(run.get(), null);
    }

    /** This dashboard page's own path and query (never a host: the refresh stays on this server). */
    private static String selfUrl(HttpRequest<?> request) {
        String query = request.getUri().getRawQuery();
        return request.getPath() + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    private static HttpResponse<String> noSession() {
        return Responses.problem(HttpStatus.FORBIDDEN, "Open Concord from REDCap", "There is no Concord session in this "
                        + "browser, or it has expired.",
                "Open the project in REDCap and click the Concord bookmark in the left-hand menu.");
    }

    private static String resource(ResourceResolver resources, String path) {
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException("missing resource " + path))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

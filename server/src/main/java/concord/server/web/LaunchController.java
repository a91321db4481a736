package concord.server.web;

import concord.server.run.Run;
import concord.server.run.RunRepository;
import concord.server.run.RunTriggers;
import concord.server.run.TriggerKind;
import concord.server.web.internal.Responses;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.util.Map;

/**
 * The target of REDCap's advanced project bookmark: REDCap POSTs {@code authkey}; Concord checks it with
 * REDCap, starts a session for the project it belongs to and redirects to that project's dashboard. A user
 * in a data access group whose group has never been analysed gets that group's first run queued.
 */
@Controller("/launch")
@ExecuteOn(TaskExecutors.BLOCKING)
@Hidden
public class LaunchController {
    private static final Logger LOG = LoggerFactory.getLogger(LaunchController.class);

    private final BookmarkLauncher launcher;
    private final SessionStore sessions;
    private final WebConfiguration config;
    private final RunRepository runs;
    private final RunTriggers triggers;

    public LaunchController(BookmarkLauncher launcher, SessionStore sessions, WebConfiguration config, RunRepository runs,
                            RunTriggers triggers) {
        this.launcher = launcher;
        this.sessions = sessions;
        this.config = config;
        this.runs = runs;
        this.triggers = triggers;
    }

    @Post(consumes = {MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA}, produces = MediaType.TEXT_HTML)
    public HttpResponse<String> launch(HttpRequest<?> request, @QueryValue @Nullable String project,
                                       @QueryValue @Nullable String pid, @Body @Nullable Map<String, Object> form) {
        Object authkey = form == null ? null : form.get("authkey");
        ProjectGrant grant;
        try {
            grant = launcher.validate(authkey == null ? null : authkey.toString(), project, pid);
        } catch (LaunchRefusedException e) {
            return Responses.problem(HttpStatus.valueOf(e.status()), e.title(), e.getMessage(), e.whatToDo());
        }
        DashboardSession session = sessions.launch(grant, SessionCookie.read(request));
        if (grant.restrictedToGroup()) {
            analyseGroupOnFirstVisit(grant);
        }
        return Responses.secure(HttpResponse.<String>seeOther(URI.create("/dashboard/" + concord.server.web.internal.Html.url(grant.projectId())))
                .header(HttpHeaders.SET_COOKIE, SessionCookie.set(session.id(), config.secureCookie())));
    }

    /** The first launch from a data access group queues that group's first run, so its dashboard fills in. */
    private void analyseGroupOnFirstVisit(ProjectGrant grant) {
        try {
            if (runs.list(grant.projectId(), grant.scope(), 1).isEmpty()) {
                Run run = triggers.trigger(grant.projectId(), grant.scope(), TriggerKind.BOOKMARK);
                LOG.info("Bookmark launch: queued run {} of project {} for data access group {} (its first)", run.id(),
                        grant.projectId(), grant.scope());
            }
        } catch (RuntimeException e) {
            LOG.warn("Bookmark launch: could not queue the first run of data access group {} of project {}: {}",
                    grant.scope(), grant.projectId(), e.getMessage());
        }
    }

    @Get(produces = MediaType.TEXT_HTML)
    public HttpResponse<String> explain() {
        return Responses.problem(HttpStatus.METHOD_NOT_ALLOWED, "Open Concord from REDCap",
                "This address is the target of a REDCap project bookmark; REDCap opens it with a form post that "
                        + "proves who you are.",
                "Open the project in REDCap and click the Concord bookmark in the left-hand menu.");
    }
}

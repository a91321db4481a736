package concord.server.web;

import concord.connector.BookmarkIdentity;
import concord.connector.DataAccessGroup;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RedcapException;
import concord.connector.RetryPolicy;
import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Checks a REDCap advanced-bookmark {@code authkey} with the REDCap server of a <em>configured</em>
 * project (never a URL from the request) and maps the answer to a configured Concord project; a user's
 * data access group (REDCap answers with its id and label) is mapped to its unique name through the
 * project's group list, read with the project's configured token.
 *
 * <p>Which REDCap server to ask: the project named by the bookmark URL's {@code ?project=<concord id>}, or
 * the configured projects whose REDCap {@code project_id} equals {@code ?pid=} (REDCap's "append project ID"
 * option), or else all configured projects — but only when they share one REDCap server, so an authkey is
 * never sent to a server other than the one it most plausibly came from.
 */
@Singleton
public class BookmarkLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(BookmarkLauncher.class);

    private final ProjectRegistry projects;

    public BookmarkLauncher(ProjectRegistry projects) {
        this.projects = projects;
    }

    /** The grant REDCap vouches for; throws {@link LaunchRefusedException} with a page for people otherwise. */
    public ProjectGrant validate(@Nullable String authkey, @Nullable String projectHint, @Nullable String pidHint) {
        if (authkey == null || authkey.isBlank()) {
            throw new LaunchRefusedException(400, "No authkey", "This address is opened by a REDCap project bookmark, "
                    + "which posts an authkey; this request carried none.",
                    "Open Concord from the project bookmark in REDCap's left-hand menu (an \"Advanced Link\").");
        }
        List<ProjectConfiguration> candidates = candidates(projectHint, pidHint);
        List<URI> servers = candidates.stream().map(ProjectConfiguration::apiUrl).distinct().toList();
        if (servers.size() > 1) {
            throw new LaunchRefusedException(400, "Which project?", "Concord is configured for projects on "
                    + servers.size() + " REDCap servers and the bookmark does not say which project it belongs to.",
                    "In REDCap's bookmark settings, set the link URL to …/launch?project=<Concord project id>.");
        }
        URI server = servers.get(0);
        ProjectConfiguration asking = candidates.get(0);
        Optional<BookmarkIdentity> identity;
        try (RedcapClient redcap = client(server, asking.token())) {
            identity = redcap.validateAuthkey(authkey);
        } catch (RedcapException e) {
            LOG.warn("Bookmark launch: checking an authkey with REDCap at {} failed: {}", server, e.getMessage());
            throw new LaunchRefusedException(502, "REDCap did not answer", "Concord could not check the bookmark with "
                    + "REDCap at " + server + ": " + e.getMessage(),
                    "Try again in a minute; if it persists, ask the Concord administrator to check the connection to REDCap.");
        }
        if (identity.isEmpty()) {
            LOG.info("Bookmark launch refused: REDCap at {} did not recognise the authkey", server);
            throw new LaunchRefusedException(403, "Bookmark not recognised", "REDCap did not recognise this bookmark "
                    + "link (its authkey is unknown or your REDCap session has ended).",
                    "Log in to REDCap again and open Concord from the project's bookmark.");
        }
        BookmarkIdentity who = identity.get();
        ProjectConfiguration project = projects.all().stream()
                .filter(p -> server.equals(p.apiUrl()) && p.redcapProjectId() != null && p.redcapProjectId() == who.projectId())
                .findFirst()
                .orElseThrow(() -> new LaunchRefusedException(403, "Project not set up in Concord", "REDCap project "
                        + who.projectId() + " is not configured in Concord.",
                        "Ask the Concord administrator to add it under concord.projects with redcap-project-id: "
                                + who.projectId() + "."));
        String uniqueGroupName = who.dataAccessGroupId().isBlank() ? "" : uniqueGroupName(project, server, who);
        LOG.info("Bookmark launch: REDCap user {} opened project {}{}", logSafe(who.username()), project.id(),
                uniqueGroupName.isEmpty() ? "" : " (data access group " + logSafe(uniqueGroupName) + ")");
        return new ProjectGrant(project.id(), who.username(), who.dataAccessGroupName(), uniqueGroupName);
    }

    /**
     * The unique name (e.g. {@code site_a}) of the group REDCap's authkey answer names by id, from the project's
     * group list read with the project's configured token: runs and File Repository folders are keyed by it.
     */
    private static String uniqueGroupName(ProjectConfiguration project, URI server, BookmarkIdentity who) {
        List<DataAccessGroup> groups;
        try (RedcapClient redcap = client(server, project.token())) {
            groups = redcap.dags();
        } catch (RedcapException e) {
            LOG.warn("Bookmark launch: reading the data access groups of project {} failed: {}", project.id(), e.getMessage());
            throw new LaunchRefusedException(502, "REDCap did not answer", "You are in a data access group, and Concord "
                    + "could not read the project's data access groups from REDCap at " + server + ": " + e.getMessage(),
                    "Try again in a minute; if it persists, ask the Concord administrator to check the connection to REDCap.");
        }
        return groups.stream().filter(g -> String.valueOf(g.id()).equals(who.dataAccessGroupId().strip()))
                .map(DataAccessGroup::uniqueGroupName).findFirst()
                .orElseThrow(() -> new LaunchRefusedException(403, "Data access group not found", "REDCap says you are in "
                        + "the data access group \u201c" + who.dataAccessGroupName() + "\u201d (id " + who.dataAccessGroupId()
                        + "), but the project's group list, read with Concord's token, has no group with that id.",
                        "Ask the Concord administrator to check that Concord's token belongs to a user in no data access "
                                + "group of project " + who.projectId() + "."));
    }

    private static RedcapClient client(URI server, String token) {
        return RedcapClient.create(RedcapClientConfiguration.of(server, token)
                .withReadTimeout(Duration.ofSeconds(20))
                // a person is waiting: one quick retry, not the exporter's minute of back-off
                .withRetryPolicy(RetryPolicy.defaults().withMaxAttempts(2).withBaseBackoff(Duration.ofMillis(500))));
    }

    private List<ProjectConfiguration> candidates(@Nullable String projectHint, @Nullable String pidHint) {
        List<ProjectConfiguration> launchable = projects.all().stream()
                .filter(p -> p.token() != null && !p.token().isBlank() && p.redcapProjectId() != null).toList();
        List<ProjectConfiguration> chosen = launchable;
        if (projectHint != null && !projectHint.isBlank()) {
            chosen = launchable.stream().filter(p -> p.id().equals(projectHint.strip())).toList();
        } else if (pidHint != null && !pidHint.isBlank()) {
            chosen = launchable.stream().filter(p -> String.valueOf(p.redcapProjectId()).equals(pidHint.strip())).toList();
        }
        if (chosen.isEmpty()) {
            throw new LaunchRefusedException(404, "Project not set up in Concord", launchable.isEmpty()
                    ? "No Concord project is configured with a REDCap token and redcap-project-id, so bookmarks cannot be checked."
                    : "The bookmark names a project that is not configured in Concord.",
                    "Ask the Concord administrator to configure the project (api-url, token, redcap-project-id) "
                            + "and to point the bookmark at …/launch?project=<Concord project id>.");
        }
        return chosen;
    }

    /** REDCap's text, made safe for one log line. */
    private static String logSafe(String text) {
        String cleaned = text == null ? "-" : text.replaceAll("[^A-Za-z0-9_.@ -]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}

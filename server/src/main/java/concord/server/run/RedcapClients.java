package concord.server.run;

import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.server.config.ProjectConfiguration;
import concord.server.config.RedcapConfiguration;
import jakarta.inject.Singleton;

import java.net.URI;

/** Opens API clients for configured projects; only configured URLs and tokens are ever used. */
@Singleton
public class RedcapClients {
    private final RedcapConfiguration redcap;

    public RedcapClients(RedcapConfiguration redcap) {
        this.redcap = redcap;
    }

    public RedcapClient open(ProjectConfiguration project) {
        return open(project.id(), project.apiUrl(), project.token(), "token");
    }

    /** The results project's client (publish.results=PROJECT). */
    public RedcapClient openResults(ProjectConfiguration project) {
        URI url = project.publish().resultsApiUrl() != null ? project.publish().resultsApiUrl() : project.apiUrl();
        return open(project.id(), url, project.publish().resultsToken(), "publish.results-token");
    }

    private RedcapClient open(String projectId, URI url, String token, String key) {
        if (url == null) {
            throw new RunFailedException("Project " + projectId + " has no api-url: set concord.projects." + projectId
                    + ".api-url to the REDCap API endpoint (ending in /api/).");
        }
        if (token == null || token.isBlank()) {
            throw new RunFailedException("Project " + projectId + " has no " + key + ": set concord.projects." + projectId
                    + "." + key + " (environment CONCORD_PROJECTS_" + projectId.toUpperCase().replace('-', '_') + "_"
                    + key.toUpperCase().replace('.', '_').replace('-', '_') + ").");
        }
        try {
            return RedcapClient.create(RedcapClientConfiguration.of(url, token)
                    .withBatchSize(redcap.batchSize()).withInterBatchPause(redcap.interBatchPause())
                    .withReadTimeout(redcap.readTimeout()));
        } catch (IllegalArgumentException e) {
            throw new RunFailedException("Project " + projectId + ": " + e.getMessage());
        }
    }
}

package concord.server.publish;

import concord.connector.DataAccessGroup;
import concord.connector.RedcapClient;
import concord.server.config.ProjectConfiguration.PublishConfiguration;
import concord.server.run.RunArtifact;
import io.micronaut.core.annotation.Nullable;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.LongPredicate;

/**
 * Everything one publication needs.
 *
 * @param projectId      Concord project id (part of the file names)
 * @param runId          run id (part of the file names)
 * @param when           run time (dates the file names, UTC)
 * @param config         the project's publishing options
 * @param study          client of the study project (File Repository, and the results record in RECORD mode)
 * @param results        client of the results project (PROJECT mode), else null
 * @param files          the files to upload
 * @param resultsRecord  record ID receiving the results instrument, or null for none
 * @param resultsRows    rows for the results instruments (raw values, without the record-ID column)
 * @param group          the data access group a group-scoped run analysed, else null: its files go into a
 *                       sub-folder of the project folder restricted to that group, and it writes no results
 *                       record (results records describe the whole project)
 * @param abandonedRun   which other runs of the project ended without publishing although they may have
 *                       uploaded files (e.g. FAILED after their worker died or lost the database mid-publish):
 *                       their files found in the folder are leftovers and are deleted
 */
public record PublishRequest(String projectId, long runId, Instant when, PublishConfiguration config, RedcapClient study,
                             @Nullable RedcapClient results, List<RunArtifact> files, @Nullable String resultsRecord,
                             List<Map<String, String>> resultsRows, @Nullable DataAccessGroup group,
                             LongPredicate abandonedRun) {
    public PublishRequest {
        files = List.copyOf(files);
        resultsRows = resultsRows.stream().map(Map::copyOf).toList();
        if (group != null && (resultsRecord != null || !resultsRows.isEmpty())) {
            throw new IllegalArgumentException("Project " + projectId + " run " + runId + " analysed data access group "
                    + group.uniqueGroupName() + ": a group's run writes no results record (they describe the whole project)");
        }
    }

    /** A project-wide publication. */
    public PublishRequest(String projectId, long runId, Instant when, PublishConfiguration config, RedcapClient study,
                          @Nullable RedcapClient results, List<RunArtifact> files, @Nullable String resultsRecord,
                          List<Map<String, String>> resultsRows) {
        this(projectId, runId, when, config, study, results, files, resultsRecord, resultsRows, null);
    }

    /** A publication that treats no other run's files as leftovers. */
    public PublishRequest(String projectId, long runId, Instant when, PublishConfiguration config, RedcapClient study,
                          @Nullable RedcapClient results, List<RunArtifact> files, @Nullable String resultsRecord,
                          List<Map<String, String>> resultsRows, @Nullable DataAccessGroup group) {
        this(projectId, runId, when, config, study, results, files, resultsRecord, resultsRows, group, run -> false);
    }

    public PublishRequest withAbandonedRuns(LongPredicate abandoned) {
        return new PublishRequest(projectId, runId, when, config, study, results, files, resultsRecord, resultsRows, group,
                abandoned);
    }
}

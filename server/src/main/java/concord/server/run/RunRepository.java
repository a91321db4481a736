package concord.server.run;

import concord.server.run.internal.Database;
import concord.server.run.internal.RunRows;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads runs and their files. Writes that change a run's state go through {@link RunQueue}. */
@Singleton
public class RunRepository {
    private final Database database;

    public RunRepository(Database database) {
        this.database = database;
    }

    public Optional<Run> find(long id) {
        return database.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.COLUMNS + " FROM concord_run WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(RunRows.map(rs)) : Optional.empty();
                }
            }
        });
    }

    /** The newest runs of a project first, of every scope (project-wide and data access groups). */
    public List<Run> list(String projectId, int limit) {
        return query("SELECT " + RunRows.COLUMNS + " FROM concord_run WHERE project_id = ? ORDER BY id DESC LIMIT "
                + Math.max(1, Math.min(limit, 1000)), projectId);
    }

    /** The newest runs of one scope of a project first ({@link Run#PROJECT_WIDE} or a group's unique name). */
    public List<Run> list(String projectId, String scope, int limit) {
        return query("SELECT " + RunRows.COLUMNS + " FROM concord_run WHERE project_id = ? AND scope = ? ORDER BY id DESC"
                + " LIMIT " + Math.max(1, Math.min(limit, 1000)), projectId, scope);
    }

    /**
     * The data access groups (unique names) that have had runs of their own in this project and whose latest
     * run did not fail, sorted: the groups worth refreshing. A group whose last run failed (deleted or renamed
     * in REDCap, say) is left alone until one of its users starts a run again.
     */
    public List<String> groupScopes(String projectId) {
        return database.transaction(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.scope FROM concord_run r WHERE r.project_id = ?"
                    + " AND r.scope <> '' AND r.status <> 'FAILED' AND r.id = (SELECT MAX(l.id) FROM concord_run l"
                    + " WHERE l.project_id = r.project_id AND l.scope = r.scope) ORDER BY r.scope")) {
                ps.setString(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** The newest runs of every project first. */
    public List<Run> recent(int limit) {
        return query("SELECT " + RunRows.COLUMNS + " FROM concord_run ORDER BY id DESC LIMIT "
                + Math.max(1, Math.min(limit, 1000)));
    }

    /** The project-wide run whose results are the project's current published report. */
    public Optional<Run> lastPublished(String projectId) {
        return lastPublished(projectId, Run.PROJECT_WIDE);
    }

    /** The run whose results are the current published report of this scope of the project. */
    public Optional<Run> lastPublished(String projectId, String scope) {
        return query("SELECT " + RunRows.COLUMNS + " FROM concord_run WHERE project_id = ? AND scope = ?"
                + " AND status = 'SUCCEEDED' AND outcome = 'PUBLISHED' ORDER BY id DESC LIMIT 1", projectId, scope)
                .stream().findFirst();
    }

    /** Ids of the project's FAILED runs: any files of theirs in REDCap are leftovers (see Publisher). */
    public java.util.Set<Long> failedRunIds(String projectId) {
        return database.transaction(c -> {
            java.util.Set<Long> out = new java.util.HashSet<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id FROM concord_run WHERE project_id = ? AND status = 'FAILED'")) {
                ps.setString(1, projectId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getLong(1));
                    }
                }
            }
            return out;
        });
    }

    public List<Run> withStatus(RunStatus status) {
        return query("SELECT " + RunRows.COLUMNS + " FROM concord_run WHERE status = ? ORDER BY id", status.name());
    }

    /** Names and types of the files a run stored (content not loaded). */
    public List<RunFile> files(long runId) {
        return database.transaction(c -> {
            List<RunFile> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT name, media_type, OCTET_LENGTH(content)"
                    + " FROM concord_run_artifact WHERE run_id = ? ORDER BY name")) {
                ps.setLong(1, runId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new RunFile(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    }
                }
            }
            return out;
        });
    }

    public Optional<RunArtifact> artifact(long runId, String name) {
        return database.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT name, media_type, content FROM concord_run_artifact WHERE run_id = ? AND name = ?")) {
                ps.setLong(1, runId);
                ps.setString(2, name);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new RunArtifact(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                            : Optional.empty();
                }
            }
        });
    }

    private List<Run> query(String sql, String... params) {
        return database.transaction(c -> {
            List<Run> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(RunRows.map(rs));
                    }
                }
            }
            return out;
        });
    }
}

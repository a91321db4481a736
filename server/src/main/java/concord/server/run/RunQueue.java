package concord.server.run;

import concord.server.run.internal.Database;
import concord.server.run.internal.RunRows;
import concord.server.run.internal.StageMillisColumn;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static concord.server.run.internal.Database.timestamp;

/**
 * The durable run queue shared by every Concord instance on the same database.
 *
 * <p><b>Coalescing.</b> At most one QUEUED run exists per project and scope (a unique column that holds
 * {@link #slot the scope's slot} only while queued): project-wide runs coalesce with project-wide runs,
 * a data access group's runs with that group's runs. A trigger either creates it or moves its due time to
 * {@code min(now + delay, deadline)}, where the deadline is fixed by the first trigger of the burst.
 * Claiming clears the slot, so a trigger that arrives once a run has started queues the next run:
 * the last run always starts after the last trigger.
 *
 * <p><b>Claiming.</b> A due run is claimed by exactly one worker: PostgreSQL locks the candidate row
 * with {@code FOR UPDATE SKIP LOCKED}; on every database the claim is a conditional update
 * ({@code WHERE status = 'QUEUED'}) whose row count says who won. A project never has two RUNNING runs.
 *
 * <p><b>Leases.</b> The owner renews {@code lease_until} with each heartbeat; a run whose lease expired
 * is re-queued (or, after {@code maxAttempts}, failed) by whichever instance notices first.
 */
@Singleton
public class RunQueue {
    private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);

    private final Database database;

    public RunQueue(Database database) {
        this.database = database;
    }

    /** Records a trigger of a project-wide run; see {@link #enqueue(String, String, TriggerKind, Instant, Duration, Duration)}. */
    public Run enqueue(String projectId, TriggerKind kind, Instant now, Duration delay, Duration maxWait) {
        return enqueue(projectId, Run.PROJECT_WIDE, kind, now, delay, maxWait);
    }

    /**
     * Records a trigger durably. Returns the queued run of this project and scope it created or joined.
     *
     * @param scope   {@link Run#PROJECT_WIDE} or a data access group's unique name
     * @param delay   debounce: how long to wait for more triggers (zero = due now)
     * @param maxWait the longest a burst may postpone its run after its first trigger
     */
    public Run enqueue(String projectId, String scope, TriggerKind kind, Instant now, Duration delay, Duration maxWait) {
        String slot = slot(projectId, scope);
        Instant due = now.plus(delay);
        for (int attempt = 0; ; attempt++) {
            try {
                return database.transaction(c -> {
                    try (PreparedStatement ps = c.prepareStatement("UPDATE concord_run SET trigger_count = trigger_count + 1,"
                            + " last_trigger_at = ?, not_before = CASE WHEN deadline < ? THEN deadline ELSE ? END"
                            + " WHERE queued_slot = ?")) {
                        ps.setObject(1, timestamp(now));
                        ps.setObject(2, timestamp(due));
                        ps.setObject(3, timestamp(due));
                        ps.setString(4, slot);
                        if (ps.executeUpdate() == 0) {
                            insertQueued(c, projectId, scope, kind, now, due, now.plus(maxWait));
                        }
                    }
                    return queued(c, slot);
                });
            } catch (RuntimeException e) {
                // Two instances inserted the first queued run at once: the loser joins the winner's run.
                if (attempt >= 2 || !isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    /**
     * The value of {@code queued_slot} while a run of this project and scope is queued: the project id for a
     * project-wide run, {@code <project id>:<scope>} for a data access group's run. Project ids are
     * configuration keys and never contain {@code ':'}; scopes are REDCap unique group names.
     */
    static String slot(String projectId, String scope) {
        if (scope == null || scope.isEmpty()) {
            return projectId;
        }
        if (!scope.matches("[a-z0-9_]{1,100}")) {
            throw new IllegalArgumentException("'" + scope + "' is not a REDCap unique group name (lower-case letters,"
                    + " digits and _): a run's scope must be one");
        }
        return projectId + ":" + scope;
    }

    private static void insertQueued(Connection c, String projectId, String scope, TriggerKind kind, Instant now,
                                     Instant due, Instant deadline) throws SQLException {
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO concord_run (project_id, scope, status, queued_slot,"
                + " trigger_kind, trigger_count, first_trigger_at, last_trigger_at, not_before, deadline)"
                + " VALUES (?, ?, 'QUEUED', ?, ?, 1, ?, ?, ?, ?)")) {
            ins.setString(1, projectId);
            ins.setString(2, scope == null ? Run.PROJECT_WIDE : scope);
            ins.setString(3, slot(projectId, scope));
            ins.setString(4, kind.name());
            ins.setObject(5, timestamp(now));
            ins.setObject(6, timestamp(now));
            ins.setObject(7, timestamp(due.isAfter(deadline) ? deadline : due));
            ins.setObject(8, timestamp(deadline));
            ins.executeUpdate();
        }
    }

    private static Run queued(Connection c, String slot) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.COLUMNS + " FROM concord_run WHERE queued_slot = ?")) {
            ps.setString(1, slot);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("queued run of " + slot + " vanished inside its own transaction");
                }
                return RunRows.map(rs);
            }
        }
    }

    /** Claims the oldest due run whose project has nothing running; empty when there is none. */
    public Optional<Run> claim(String workerId, Instant now, Duration lease) {
        boolean postgres = database.isPostgres();
        return database.transaction(c -> {
            List<Long> candidates = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM concord_run r WHERE r.status = 'QUEUED'"
                    + " AND r.not_before <= ? AND NOT EXISTS (SELECT 1 FROM concord_run o WHERE o.project_id = r.project_id"
                    + " AND o.status = 'RUNNING') ORDER BY r.not_before, r.id LIMIT " + (postgres ? 1 : 5)
                    + (postgres ? " FOR UPDATE SKIP LOCKED" : ""))) {
                ps.setObject(1, timestamp(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        candidates.add(rs.getLong(1));
                    }
                }
            }
            for (long id : candidates) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE concord_run SET status = 'RUNNING', queued_slot = NULL,"
                        + " worker_id = ?, started_at = ?, lease_until = ?, attempts = attempts + 1, stage = 'CLAIMED',"
                        + " records_read = 0, error_message = NULL WHERE id = ? AND status = 'QUEUED'")) {
                    ps.setString(1, workerId);
                    ps.setObject(2, timestamp(now));
                    ps.setObject(3, timestamp(now.plus(lease)));
                    ps.setLong(4, id);
                    if (ps.executeUpdate() == 1) {
                        return Optional.of(byId(c, id));
                    }
                }
            }
            return Optional.<Run>empty();
        });
    }

    /** Renews the lease and reports progress; false when this worker no longer owns the run. */
    public boolean heartbeat(long runId, String workerId, Instant now, Duration lease, RunStage stage, int recordsRead) {
        return database.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE concord_run SET lease_until = ?, stage = ?, records_read = ?"
                    + " WHERE id = ? AND worker_id = ? AND status = 'RUNNING'")) {
                ps.setObject(1, timestamp(now.plus(lease)));
                ps.setString(2, stage.name());
                ps.setInt(3, recordsRead);
                ps.setLong(4, runId);
                ps.setString(5, workerId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /** Marks an owned run SUCCEEDED and stores its files in the same transaction. */
    public boolean succeed(long runId, String workerId, Instant now, RunCompletion done) {
        return succeed(runId, workerId, now, done, null);
    }

    /** As {@link #succeed(long, String, Instant, RunCompletion)}, also recording where the run's time went. */
    public boolean succeed(long runId, String workerId, Instant now, RunCompletion done,
                           @Nullable Map<RunStage, Long> stageMillis) {
        return database.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE concord_run SET status = 'SUCCEEDED', outcome = ?,"
                    + " finished_at = ?, lease_until = NULL, stage = 'DONE', record_count = ?, records_read = ?,"
                    + " excluded_values = ?, fingerprint = ?, config_hash = ?, concord_version = ?, redcap_version = ?,"
                    + " published_to = ?, stage_millis = ? WHERE id = ? AND worker_id = ? AND status = 'RUNNING'")) {
                ps.setString(1, done.outcome().name());
                ps.setObject(2, timestamp(now));
                ps.setInt(3, done.recordCount());
                ps.setInt(4, done.recordCount());
                ps.setInt(5, done.excludedValues());
                ps.setString(6, done.fingerprint());
                ps.setString(7, done.configHash());
                ps.setString(8, done.concordVersion());
                ps.setString(9, done.redcapVersion());
                ps.setString(10, truncate(done.publishedTo(), 2000));
                ps.setString(11, StageMillisColumn.encode(stageMillis));
                ps.setLong(12, runId);
                ps.setString(13, workerId);
                if (ps.executeUpdate() != 1) {
                    c.rollback();
                    return false;
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO concord_run_artifact (run_id, name, media_type, content) VALUES (?, ?, ?, ?)")) {
                for (RunArtifact artifact : done.artifacts()) {
                    ps.setLong(1, runId);
                    ps.setString(2, artifact.name());
                    ps.setString(3, artifact.mediaType());
                    ps.setBytes(4, artifact.content());
                    ps.addBatch();
                }
                if (!done.artifacts().isEmpty()) {
                    ps.executeBatch();
                }
            }
            return true;
        });
    }

    /** Marks an owned run FAILED with a message for people (never a token or participant data). */
    public boolean fail(long runId, String workerId, Instant now, String message, @Nullable RunFailureFacts facts) {
        return database.transaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE concord_run SET status = 'FAILED', finished_at = ?,"
                    + " lease_until = NULL, error_message = ?, fingerprint = ?, config_hash = ?, concord_version = ?,"
                    + " redcap_version = ?, record_count = ? WHERE id = ? AND worker_id = ? AND status = 'RUNNING'")) {
                ps.setObject(1, timestamp(now));
                ps.setString(2, truncate(message, 4000));
                ps.setString(3, facts == null ? null : facts.fingerprint());
                ps.setString(4, facts == null ? null : facts.configHash());
                ps.setString(5, facts == null ? null : facts.concordVersion());
                ps.setString(6, facts == null ? null : facts.redcapVersion());
                if (facts == null || facts.recordCount() == null) {
                    ps.setNull(7, Types.INTEGER);
                } else {
                    ps.setInt(7, facts.recordCount());
                }
                ps.setLong(8, runId);
                ps.setString(9, workerId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    /**
     * Re-queues RUNNING runs whose lease expired (their worker died or hung). A run that already used
     * {@code maxAttempts} fails; a run whose project and scope already have a queued run is folded into it.
     *
     * @return the number of runs re-queued or failed
     */
    public int recoverExpired(Instant now, int maxAttempts) {
        return database.transaction(c -> {
            List<Run> expired = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.COLUMNS + " FROM concord_run"
                    + " WHERE status = 'RUNNING' AND lease_until < ?" + (database.isPostgres() ? " FOR UPDATE SKIP LOCKED" : ""))) {
                ps.setObject(1, timestamp(now));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        expired.add(RunRows.map(rs));
                    }
                }
            }
            int handled = 0;
            for (Run run : expired) {
                String lost = "worker " + run.workerId() + " stopped renewing its lease (expired " + run.leaseUntil() + ")";
                if (run.attempts() >= maxAttempts) {
                    handled += markFailed(c, run, now, lost + " on attempt " + run.attempts() + " of " + maxAttempts
                            + "; giving up. Check that worker's log, then start a new run.");
                    continue;
                }
                String slot = slot(run.projectId(), run.scope());
                try (PreparedStatement ps = c.prepareStatement("UPDATE concord_run SET status = 'QUEUED', queued_slot = ?,"
                        + " worker_id = NULL, lease_until = NULL, stage = NULL, not_before = ?, error_message = ?"
                        + " WHERE id = ? AND status = 'RUNNING' AND lease_until < ? AND NOT EXISTS"
                        + " (SELECT 1 FROM concord_run q WHERE q.queued_slot = ?)")) {
                    ps.setString(1, slot);
                    ps.setObject(2, timestamp(now));
                    ps.setString(3, lost + "; re-queued");
                    ps.setLong(4, run.id());
                    ps.setObject(5, timestamp(now));
                    ps.setString(6, slot);
                    if (ps.executeUpdate() == 1) {
                        LOG.warn("Run {} of project {}: {}; re-queued", run.id(), run.projectId(), lost);
                        handled++;
                        continue;
                    }
                }
                Run waiting = queued(c, slot);
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE concord_run SET trigger_count = trigger_count + ? WHERE id = ?")) {
                    ps.setInt(1, run.triggerCount());
                    ps.setLong(2, waiting.id());
                    ps.executeUpdate();
                }
                handled += markFailed(c, run, now, lost + "; its triggers were folded into queued run " + waiting.id());
            }
            return handled;
        });
    }

    private static int markFailed(Connection c, Run run, Instant now, String message) throws SQLException {
        LOG.warn("Run {} of project {}: {}", run.id(), run.projectId(), message);
        try (PreparedStatement ps = c.prepareStatement("UPDATE concord_run SET status = 'FAILED', finished_at = ?,"
                + " lease_until = NULL, error_message = ? WHERE id = ? AND status = 'RUNNING'")) {
            ps.setObject(1, timestamp(now));
            ps.setString(2, message);
            ps.setLong(3, run.id());
            return ps.executeUpdate();
        }
    }

    private static Run byId(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RunRows.COLUMNS + " FROM concord_run WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return RunRows.map(rs);
            }
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    private static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}

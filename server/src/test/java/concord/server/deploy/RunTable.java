package concord.server.deploy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Reads the shared run table directly (the test's own view, independent of either instance's API). */
final class RunTable {
    private static final String COLUMNS = "id, project_id, status, outcome, trigger_count, attempts, worker_id, stage,"
            + " started_at, finished_at, lease_until, error_message";

    record Row(long id, String projectId, String status, String outcome, int triggerCount, int attempts, String workerId,
               String stage, Instant startedAt, Instant finishedAt, Instant leaseUntil, String errorMessage) {
    }

    private final String url;
    private final String user;
    private final String password;

    RunTable(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    List<Row> all() throws SQLException {
        return query("SELECT " + COLUMNS + " FROM concord_run ORDER BY project_id, id", null);
    }

    Row find(long id) throws SQLException {
        List<Row> rows = query("SELECT " + COLUMNS + " FROM concord_run WHERE id = ?", id);
        if (rows.isEmpty()) {
            throw new IllegalStateException("no run " + id);
        }
        return rows.get(0);
    }

    /** Polls one run until the condition holds. */
    Row await(long id, Predicate<Row> condition, Duration timeout) throws SQLException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        Row row = find(id);
        while (!condition.test(row)) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("run " + id + " did not reach the expected state within " + timeout + ": " + row);
            }
            Thread.sleep(100);
            row = find(id);
        }
        return row;
    }

    /** Polls until no run is queued or running, and returns every run. */
    List<Row> awaitQuiet(Duration timeout) throws SQLException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (true) {
            List<Row> rows = all();
            if (!rows.isEmpty() && rows.stream().noneMatch(r -> r.status().equals("QUEUED") || r.status().equals("RUNNING"))) {
                return rows;
            }
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("runs still queued or running after " + timeout + ": " + rows);
            }
            Thread.sleep(200);
        }
    }

    private List<Row> query(String sql, Long id) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password); PreparedStatement ps = c.prepareStatement(sql)) {
            if (id != null) {
                ps.setLong(1, id);
            }
            List<Row> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
                            rs.getInt(6), rs.getString(7), rs.getString(8), instant(rs.getTimestamp(9)),
                            instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11)), rs.getString(12)));
                }
            }
            return out;
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}

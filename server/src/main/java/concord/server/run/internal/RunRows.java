package concord.server.run.internal;

import concord.server.run.Run;
import concord.server.run.RunOutcome;
import concord.server.run.RunStage;
import concord.server.run.RunStatus;
import concord.server.run.TriggerKind;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Maps {@code concord_run} rows to {@link Run}. */
public final class RunRows {
    public static final String COLUMNS = "id, project_id, scope, status, outcome, trigger_kind, trigger_count, first_trigger_at,"
            + " last_trigger_at, not_before, deadline, started_at, finished_at, lease_until, worker_id, attempts, stage,"
            + " records_read, record_count, excluded_values, fingerprint, config_hash, concord_version, redcap_version,"
            + " published_to, error_message, stage_millis";

    private RunRows() {
    }

    public static Run map(ResultSet rs) throws SQLException {
        String outcome = rs.getString("outcome");
        String stage = rs.getString("stage");
        return new Run(
                rs.getLong("id"),
                rs.getString("project_id"),
                rs.getString("scope"),
                RunStatus.valueOf(rs.getString("status")),
                outcome == null ? null : RunOutcome.valueOf(outcome),
                TriggerKind.valueOf(rs.getString("trigger_kind")),
                rs.getInt("trigger_count"),
                Database.instant(rs.getObject("first_trigger_at")),
                Database.instant(rs.getObject("last_trigger_at")),
                Database.instant(rs.getObject("not_before")),
                Database.instant(rs.getObject("deadline")),
                Database.instant(rs.getObject("started_at")),
                Database.instant(rs.getObject("finished_at")),
                Database.instant(rs.getObject("lease_until")),
                rs.getString("worker_id"),
                rs.getInt("attempts"),
                stage == null ? null : RunStage.valueOf(stage),
                rs.getInt("records_read"),
                (Integer) rs.getObject("record_count", Integer.class),
                (Integer) rs.getObject("excluded_values", Integer.class),
                rs.getString("fingerprint"),
                rs.getString("config_hash"),
                rs.getString("concord_version"),
                rs.getString("redcap_version"),
                rs.getString("published_to"),
                rs.getString("error_message"),
                StageMillisColumn.decode(rs.getString("stage_millis")));
    }
}

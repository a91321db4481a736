package concord.server.run;

import concord.connector.DataAccessGroup;
import concord.connector.ExportColumns;
import concord.connector.ExportRow;
import concord.connector.RecordRowSink;
import concord.connector.RedcapClient;
import concord.connector.RedcapRecord;
import concord.server.config.ProjectConfiguration;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The records of one data access group, read with the project's own token. REDCap adds the column
 * {@code redcap_data_access_group} to an export only for a user in no group (for a user in a group it
 * silently ignores {@code exportDataAccessGroups} and returns that group's records only), so a missing
 * column means the token cannot tell groups apart, and the run fails instead of analysing the wrong records.
 */
final class GroupRecords {
    private GroupRecords() {
    }

    /** The group with this unique name, as the project's token sees the project's groups. */
    static DataAccessGroup group(ProjectConfiguration project, RedcapClient redcap, String uniqueName) {
        List<DataAccessGroup> groups = redcap.dags();
        return groups.stream().filter(g -> g.uniqueGroupName().equals(uniqueName)).findFirst()
                .orElseThrow(() -> new RunFailedException("Project " + project.id() + ": REDCap has no data access group '"
                        + uniqueName + "' (the project has " + (groups.isEmpty() ? "none" : groups.stream()
                        .map(DataAccessGroup::uniqueGroupName).toList()) + "). The group was renamed or deleted; its users "
                        + "should open Concord from the project bookmark again."));
    }

    /** Passes on the rows of {@code group}'s records; fails when the export cannot say which group a row is in. */
    static RecordRowSink only(ProjectConfiguration project, DataAccessGroup group, RecordRowSink sink) {
        byte[] name = group.uniqueGroupName().getBytes(StandardCharsets.UTF_8);
        return new RecordRowSink() {
            private int dag = -1;

            @Override
            public void columns(ExportColumns columns) {
                dag = columns.indexOf(RedcapRecord.DATA_ACCESS_GROUP_COLUMN);
                sink.columns(columns);
            }

            @Override
            public void row(ExportRow row) {
                if (dag < 0) {
                    throw new RunFailedException(tokenInGroup(project, group));
                }
                if (Arrays.equals(row.bytes(), row.start(dag), row.end(dag), name, 0, name.length)) {
                    sink.row(row);
                }
            }
        };
    }

    static String tokenInGroup(ProjectConfiguration project, DataAccessGroup group) {
        return "Project " + project.id() + ": cannot analyse data access group " + group.uniqueGroupName()
                + " separately: REDCap sent no redcap_data_access_group column, which means the user of Concord's API "
                + "token is itself in a data access group (it sees only that group's records and cannot tell groups "
                + "apart). Give Concord the token of a user in no data access group (concord.projects." + project.id()
                + ".token).";
    }
}

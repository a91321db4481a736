package concord.server.web;

import concord.server.run.Run;

/**
 * What a validated bookmark authkey lets a session see: one configured project, as one REDCap user, and
 * for a user in a data access group only the analyses of that group's records.
 *
 * @param projectId          Concord's project id
 * @param username           the REDCap user REDCap vouched for
 * @param dataAccessGroup    the user's data access group name (its label, for people), empty when the user
 *                           sees all records
 * @param uniqueGroupName    the group's unique name (e.g. {@code site_a}), which is the scope of the runs the
 *                           user may see; empty when the user sees all records
 */
public record ProjectGrant(String projectId, String username, String dataAccessGroup, String uniqueGroupName) {

    public ProjectGrant {
        dataAccessGroup = dataAccessGroup == null ? "" : dataAccessGroup;
        uniqueGroupName = uniqueGroupName == null ? "" : uniqueGroupName;
        if (!dataAccessGroup.isBlank() && uniqueGroupName.isBlank()) {
            throw new IllegalArgumentException("A grant for data access group '" + dataAccessGroup
                    + "' needs the group's unique name");
        }
    }

    public boolean restrictedToGroup() {
        return !uniqueGroupName.isBlank();
    }

    /** The scope of the runs this grant shows: {@link Run#PROJECT_WIDE} or the group's unique name. */
    public String scope() {
        return restrictedToGroup() ? uniqueGroupName : Run.PROJECT_WIDE;
    }

    /** Whether this grant may see {@code run}: a user in no group sees every run of the project. */
    public boolean maySee(Run run) {
        return run.projectId().equals(projectId) && (!restrictedToGroup() || run.scope().equals(uniqueGroupName));
    }
}

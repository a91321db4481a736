package concord.server.web;

/**
 * What a validated bookmark authkey lets a session see: one configured project, as one REDCap user.
 *
 * @param projectId          Concord's project id
 * @param username           the REDCap user REDCap vouched for
 * @param dataAccessGroup    the user's data access group name, empty when the user sees all records
 */
public record ProjectGrant(String projectId, String username, String dataAccessGroup) {

    public ProjectGrant {
        dataAccessGroup = dataAccessGroup == null ? "" : dataAccessGroup;
    }

    public boolean restrictedToGroup() {
        return !dataAccessGroup.isBlank();
    }
}

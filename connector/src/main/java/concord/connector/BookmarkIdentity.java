package concord.connector;

/**
 * Who opened an advanced project bookmark, as REDCap vouches for it when the bookmark's
 * {@code authkey} is validated.
 *
 * @param dataAccessGroupName empty when the user is in no DAG
 * @param dataAccessGroupId   empty when the user is in no DAG
 * @param callbackUrl         the project page the user came from (REDCap's text: escape before showing,
 *                            and never call it)
 */
public record BookmarkIdentity(String username, long projectId, String dataAccessGroupName,
                               String dataAccessGroupId, String callbackUrl) {
}

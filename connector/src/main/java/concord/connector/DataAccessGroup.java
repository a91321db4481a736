package concord.connector;

/** A data access group (often one per site). */
public record DataAccessGroup(String name, String uniqueGroupName, long id) {
}

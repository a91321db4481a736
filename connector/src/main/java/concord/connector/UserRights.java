package concord.connector;

import java.util.Map;
import java.util.Objects;

/**
 * A project user and their rights as {@code content=user} exports them.
 *
 * @param dataAccessGroup unique name of the user's DAG, empty when the user sees all records
 * @param rights          every 0/1/2 right by REDCap's name ({@code api_export}, {@code design}, ...)
 * @param formRights      per instrument: 0 no access, 1 view/edit, 2 read-only, 3 edit survey responses
 * @param formExportRights per instrument export right (newer servers), empty if not sent
 */
public record UserRights(String username, String email, String firstName, String lastName, String expiration,
                         String dataAccessGroup, Map<String, Integer> rights, Map<String, Integer> formRights,
                         Map<String, Integer> formExportRights) {

    public UserRights {
        Objects.requireNonNull(username, "username");
        rights = Map.copyOf(rights);
        formRights = Map.copyOf(formRights);
        formExportRights = Map.copyOf(formExportRights);
    }

    /** A right by REDCap's name, 0 when not listed. */
    public int right(String name) {
        return rights.getOrDefault(name, 0);
    }

    public boolean canExportByApi() {
        return right("api_export") > 0;
    }

    public boolean canImportByApi() {
        return right("api_import") > 0;
    }
}

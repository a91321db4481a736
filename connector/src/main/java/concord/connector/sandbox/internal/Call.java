package concord.connector.sandbox.internal;

/**
 * One authenticated API call: who, on which project, with which parameters and formats.
 *
 * @param format       the {@code format} parameter (json, csv or xml; xml when absent): the format of exports
 *                     and of import data
 * @param returnFormat the {@code returnFormat} parameter, else {@code format}: the format of errors and of import
 *                     answers (counts, ids), as REDCap uses it
 */
public record Call(SandboxState state, Grant grant, Params params, String format, String returnFormat) {

    public ProjectData project() {
        return grant.project();
    }

    public void requireExport() {
        if (!grant.user().apiExport()) {
            throw ApiException.forbidden(ApiRoute.NO_EXPORT);
        }
    }

    public void requireImport() {
        if (!grant.user().apiImport()) {
            throw ApiException.forbidden(ApiRoute.NO_IMPORT);
        }
    }

    /** The user's DAG unique name, or null. */
    public String userDag() {
        return grant.user().dataAccessGroup();
    }

    /** The username, as REDCap's logging names it. */
    public String username() {
        return grant.user().username();
    }
}

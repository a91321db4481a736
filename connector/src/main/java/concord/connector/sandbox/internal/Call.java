package concord.connector.sandbox.internal;

/** One authenticated API call: who, on which project, with which parameters and formats. */
public record Call(SandboxState state, Grant grant, Params params, String format) {

    public ProjectData project() {
        return grant.project();
    }

    public void requireExport() {
        if (!grant.user().apiExport()) {
            throw ApiException.forbidden("You do not have permissions to use the API");
        }
    }

    public void requireImport() {
        if (!grant.user().apiImport()) {
            throw ApiException.forbidden("You do not have API Import/Update privileges");
        }
    }

    /** The user's DAG unique name, or null. */
    public String userDag() {
        return grant.user().dataAccessGroup();
    }
}

package concord.connector.sandbox.internal;

import concord.connector.sandbox.SandboxUser;
import java.util.Set;

/**
 * Which operation a request asks for, decided as REDCap's {@code API/index.php} decides it (v15.7.6), and the
 * rights REDCap checks before any method runs.
 *
 * <p>For {@code record} (other than {@code delete}/{@code rename}/{@code randomize}), {@code metadata},
 * {@code instrument}, {@code project} and most other contents REDCap ignores {@code action}: a request that carries
 * {@code data} is an import, one without is an export. {@code action} is read only for {@code file},
 * {@code fileRepository}, {@code event}, {@code arm}, {@code dag}, {@code user} and {@code userRole} (several of
 * which default to {@code export} when it is absent). Content names and actions are case-sensitive, as in REDCap.
 *
 * @param content the {@code content} parameter
 * @param action  {@code export}, {@code import}, {@code delete}, {@code rename}, {@code list}, {@code createFolder}…
 */
public record ApiRoute(String content, String action) {
    public static final String NO_EXPORT = "You do not have API Export privileges";
    public static final String NO_IMPORT = "You do not have API Import/Update privileges";
    static final String INVALID_ACTION = "The value of the parameter \"action\" is not valid";
    static final String INVALID_CONTENT = "The value of the parameter \"content\" is not valid";

    /** Every content REDCap's API accepts; others get REDCap's "content is not valid". */
    private static final Set<String> CONTENTS = Set.of("record", "metadata", "file", "fileRepository", "filesize", "fileinfo",
            "repeatingFormsEvents", "instrument", "event", "arm", "user", "project_settings", "report", "authkey", "version", "pdf",
            "surveyLink", "surveyAccessCode", "surveyQueueLink", "surveyReturnCode", "participantList", "exportFieldNames",
            "appRightsCheck", "formEventMapping", "fieldValidation", "attachment", "project", "generateNextRecordName", "project_xml",
            "dag", "userDagMapping", "log", "tableau", "mycap", "userRole", "userRoleMapping");
    /** Contents whose missing {@code action} means export. */
    private static final Set<String> DEFAULT_EXPORT = Set.of("version", "event", "arm", "authkey", "repeatingFormsEvents", "dag",
            "user", "userRole", "userRoleMapping");
    /** Contents whose {@code action} REDCap reads (and checks against {@link #ACTIONS}). */
    private static final Set<String> ACTION_CONTENTS = Set.of("fileRepository", "file", "event", "arm", "dag", "user", "userRole");
    private static final Set<String> ACTIONS = Set.of("export", "delete", "import", "import_app", "switch", "list", "createFolder");
    private static final Set<String> FILE_ACTIONS = Set.of("export", "import", "import_app", "delete");

    /** The route of a request, or REDCap's 400 for an unknown content or an invalid action. */
    public static ApiRoute of(Params p) {
        String content = p.get("content", "");
        if (!CONTENTS.contains(content)) {
            throw ApiException.badRequest(INVALID_CONTENT);
        }
        String action = p.get("action", "");
        boolean hasData = p.get("data") != null;
        if ((content.equals("file") || content.equals("filesize") || content.equals("fileinfo")) && !FILE_ACTIONS.contains(action)) {
            throw ApiException.badRequest(INVALID_ACTION);
        }
        if (DEFAULT_EXPORT.contains(content) && action.isEmpty()) {
            action = "export";
        }
        if ((content.equals("user") || content.equals("userRole") || content.equals("userRoleMapping")) && !action.equals("delete")
                && hasData) {
            action = "import";
        }
        if (ACTION_CONTENTS.contains(content)) {
            if (!ACTIONS.contains(action)) {
                throw ApiException.badRequest(INVALID_ACTION);
            }
            return new ApiRoute(content, action);
        }
        if (content.equals("record") && Set.of("delete", "rename", "randomize").contains(action)) {
            return new ApiRoute(content, action);
        }
        return new ApiRoute(content, hasData && !content.equals("version") ? "import" : "export");
    }

    /** REDCap's rights check on the action, before the method runs (403 with REDCap's texts). */
    public void checkRights(SandboxUser user) {
        switch (action) {
            case "export" -> require(user.apiExport(), NO_EXPORT);
            case "import" -> require(user.apiImport(), NO_IMPORT);
            default -> {
                if ((action.equals("delete") || action.equals("list") && !content.equals("fileRepository") || action.equals("createFolder"))
                        && (content.equals("fileRepository") || content.equals("user"))) {
                    require(user.apiImport(), NO_IMPORT);
                } else if (action.equals("delete") && !content.equals("dag") && !content.equals("fileRepository")) {
                    require(user.recordDelete(), "You do not have Delete Record privileges");
                } else if (action.equals("rename")) {
                    require(user.recordRename(), "You do not have Rename Record privileges");
                } else if (action.equals("randomize")) {
                    throw ApiException.forbidden("You do not have Randomize privileges");
                }
            }
        }
    }

    private static void require(boolean granted, String message) {
        if (!granted) {
            throw ApiException.forbidden(message);
        }
    }

    /** A REDCap method the sandbox does not serve: a 400 that says so, rather than a wrong answer. */
    public ApiException notServed() {
        return ApiException.badRequest("The REDCap sandbox does not serve content=" + content + " with action " + action
                + (action.equals("import") ? " (a request that carries 'data' is an import, as in REDCap)" : "")
                + "; docs/sandbox.md lists what it serves.");
    }
}

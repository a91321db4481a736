package concord.connector.sandbox.internal;

import java.util.List;

/** Validates a bookmark authkey posted to {@code /api/} without a token: the user's context, or {@code 0}. */
public final class Authkeys {
    private Authkeys() {
    }

    public static Reply validate(SandboxState state, String key, String format) {
        Grant g = state.grantForAuthkey(key.trim());
        if (g == null) {
            return Reply.formatted(format, "0");
        }
        DagDef dag = g.user().dataAccessGroup() == null ? null : g.project().dag(g.user().dataAccessGroup());
        Table t = new Table(List.of("username", "project_id", "data_access_group_name", "data_access_group_id", "callback_url"));
        t.add(g.user().username(), String.valueOf(g.project().projectId()), dag == null ? "" : dag.label(),
                dag == null ? "" : String.valueOf(dag.id()), state.projectUrl(g.project()));
        if (format.equals("json")) {
            String array = t.render("json");
            return Reply.json(array.substring(1, array.length() - 1));
        }
        return t.reply(format);
    }
}

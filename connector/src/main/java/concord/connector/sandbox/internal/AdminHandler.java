package concord.connector.sandbox.internal;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import concord.connector.sandbox.FaultPlan;
import concord.connector.sandbox.FormSave;
import concord.connector.sandbox.SandboxUser;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sandbox's own endpoints under {@code /sandbox/}, outside REDCap's API: form saves that fire the Data Entry
 * Trigger, fault plans, tokens, authkeys and lifting IP bans. POST with form fields; answers are JSON.
 */
public final class AdminHandler implements HttpHandler {
    private static final Pattern SAVE = Pattern.compile("^/sandbox/projects/(\\d+)/records/([^/]+)/save$");
    private static final Pattern PROJECT_ACTION = Pattern.compile("^/sandbox/projects/(\\d+)/(faults|tokens|authkeys)$");
    private static final Set<String> SAVE_PARAMS = Set.of("instrument", "event", "repeat_instance", "username", "status");

    private final SandboxState state;

    public AdminHandler(SandboxState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = answer(exchange);
        } catch (IllegalArgumentException | ApiException e) {
            reply = Reply.of(400, "application/json; charset=utf-8", "{\"error\":" + Json.quote(e.getMessage()) + "}");
        }
        ApiHandler.send(exchange, reply);
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (exchange.getRequestMethod().equalsIgnoreCase("GET") && path.equals("/sandbox/projects")) {
            List<Map<String, Object>> out = new ArrayList<>();
            state.projects().values().stream().sorted((a, b) -> a.projectId() - b.projectId()).forEach(p -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("project_id", p.projectId());
                m.put("project_title", p.title());
                m.put("records", p.records().size());
                out.add(m);
            });
            return Reply.json(Json.write(out));
        }
        if (!exchange.getRequestMethod().equalsIgnoreCase("POST")) {
            return Reply.of(501, "text/xml; charset=utf-8", ApiHandler.NOT_IMPLEMENTED);
        }
        Params p = ApiHandler.readParams(exchange);
        if (path.equals("/sandbox/bans/lift")) {
            state.liftBans();
            return Reply.json("{\"lifted\":true}");
        }
        Matcher save = SAVE.matcher(path);
        if (save.matches()) {
            return save(Integer.parseInt(save.group(1)), URLDecoder.decode(save.group(2), StandardCharsets.UTF_8), p);
        }
        Matcher m = PROJECT_ACTION.matcher(path);
        if (!m.matches()) {
            return Reply.of(404, "application/json; charset=utf-8", "{\"error\":\"No sandbox endpoint " + Xml.escape(path) + "\"}");
        }
        int pid = Integer.parseInt(m.group(1));
        return switch (m.group(2)) {
            case "faults" -> {
                FaultPlan plan = new FaultPlan(Long.parseLong(p.get("seed", "0")), Duration.ofMillis(Long.parseLong(p.get("latency_ms", "0"))),
                        Double.parseDouble(p.get("server_error_share", "0")), Double.parseDouble(p.get("html_share", "0")),
                        Double.parseDouble(p.get("dropped_record_share", "0")), Integer.parseInt(p.get("out_of_memory_above_records", "0")),
                        Integer.parseInt(p.get("ban_after_requests_per_minute", "0")), Double.parseDouble(p.get("upload_failure_share", "0")));
                state.setFaults(pid, plan);
                yield Reply.json(Json.write(Map.of("project_id", pid, "faults", plan.toString())));
            }
            case "tokens" -> Reply.json(Json.write(Map.of("token", state.createToken(pid, user(p)))));
            default -> Reply.json(Json.write(Map.of("authkey", state.issueAuthkey(pid, user(p)))));
        };
    }

    private static SandboxUser user(Params p) {
        return new SandboxUser(p.get("username", "site_admin"), p.get("dag"), bool(p, "api_export"), bool(p, "api_import"),
                bool(p, "file_repository"), bool(p, "record_delete"), bool(p, "record_rename"), bool(p, "design"));
    }

    private static boolean bool(Params p, String name) {
        return p.get(name) == null || p.bool(name);
    }

    private Reply save(int pid, String record, Params p) {
        String instrument = p.get("instrument", "");
        Map<String, String> values = new LinkedHashMap<>();
        String status = p.get("status", p.get(instrument + "_complete", "0"));
        p.all().forEach((name, list) -> {
            if (!SAVE_PARAMS.contains(name) && !name.equals(instrument + "_complete") && !list.isEmpty()) {
                values.put(name, list.get(list.size() - 1));
            }
        });
        FormSave formSave = new FormSave(record, instrument, p.get("event"), Integer.parseInt(p.get("repeat_instance", "1")), values,
                Integer.parseInt(status), p.get("username", "site_admin"));
        OptionalInt det = FormSaver.save(state, state.project(pid), formSave);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("record", record);
        out.put("data_entry_trigger_status", det.isPresent() ? det.getAsInt() : null);
        return Reply.json(Json.write(out));
    }
}

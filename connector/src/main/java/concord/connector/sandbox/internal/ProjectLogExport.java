package concord.connector.sandbox.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * {@code content=log}: the project's logging, newest first, with the columns REDCap exports
 * ({@code timestamp, username, action, details, record}; timestamps to the minute) and its filters {@code logtype},
 * {@code user}, {@code record}, {@code dag}, {@code beginTime}, {@code endTime} ({@code YYYY-MM-DD HH:MM}, seconds
 * allowed, {@code 24:00} meaning the end of the day, as REDCapR sends it).
 */
final class ProjectLogExport {
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final Map<String, Predicate<String>> LOG_TYPES = Map.of(
            "record", a -> a.startsWith("Create record") || a.startsWith("Update record") || a.startsWith("Delete record"),
            "record_add", a -> a.startsWith("Create record"),
            "record_edit", a -> a.startsWith("Update record"),
            "record_delete", a -> a.startsWith("Delete record"),
            "manage", a -> a.equals("Manage/Design"),
            "export", a -> a.startsWith("Data export"),
            "user", a -> a.contains("user"),
            "lock_record", a -> a.contains("Lock"),
            "page_view", a -> a.startsWith("Page view"));

    private ProjectLogExport() {
    }

    static Reply export(Call call) {
        Params p = call.params();
        String type = p.get("logtype", "");
        Predicate<String> action = type.isEmpty() ? a -> true : LOG_TYPES.get(type);
        if (action == null) {
            throw ApiException.badRequest("The value of the parameter \"logtype\" is not valid: '" + type + "'. Use one of "
                    + String.join(", ", List.of("export", "manage", "user", "record", "record_add", "record_edit", "record_delete",
                    "lock_record", "page_view")) + " (sandbox wording)");
        }
        String user = p.get("user", "");
        String record = p.get("record", "");
        String dag = dagName(call, p.get("dag", ""));
        Instant begin = time(p.get("beginTime", ""), "beginTime");
        Instant end = time(p.get("endTime", ""), "endTime");
        Table t = new Table(List.of("timestamp", "username", "action", "details", "record"));
        for (ProjectLog.Entry e : call.project().log().newestFirst()) {
            if (action.test(e.action()) && (user.isEmpty() || user.equals(e.username())) && (record.isEmpty() || record.equals(e.record()))
                    && (dag == null || dag.equals(e.dag())) && (call.userDag() == null || e.record() == null || call.userDag().equals(e.dag()))
                    && (begin == null || !e.timestamp().isBefore(begin)) && (end == null || !e.timestamp().isAfter(end))) {
                t.add(MINUTE.format(e.timestamp()), e.username(), e.action(), e.details(), e.record() == null ? "" : e.record());
            }
        }
        call.project().log().manage(call.username(), "Export Logging (API)");
        return t.reply(call.format());
    }

    /** The unique name of the group {@code dag} names, by unique name or numeric id; null for no filter. */
    private static String dagName(Call call, String dag) {
        if (dag.isEmpty()) {
            return null;
        }
        return call.project().dags().stream().filter(d -> d.uniqueName().equals(dag) || String.valueOf(d.id()).equals(dag))
                .map(DagDef::uniqueName).findFirst()
                .orElseThrow(() -> ApiException.badRequest("The value of the parameter \"dag\" is not a data access group of this project: '"
                        + dag + "' (sandbox wording)"));
    }

    private static Instant time(String text, String name) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        try {
            if (t.endsWith(" 24:00") || t.endsWith(" 24:00:00")) {
                return LocalDate.parse(t.substring(0, 10)).plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            if (t.length() == 10) {
                return LocalDate.parse(t).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            String pattern = t.length() > 16 ? "yyyy-MM-dd HH:mm:ss" : "yyyy-MM-dd HH:mm";
            return LocalDateTime.parse(t, DateTimeFormatter.ofPattern(pattern)).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException | StringIndexOutOfBoundsException e) {
            throw ApiException.badRequest("The value of the parameter \"" + name + "\" is not a valid time: '" + text
                    + "'; use YYYY-MM-DD HH:MM (sandbox wording)");
        }
    }
}

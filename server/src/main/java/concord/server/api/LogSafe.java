package concord.server.api;

/** Makes request-supplied text safe for a log line: short, one line, plain characters. */
final class LogSafe {
    private LogSafe() {
    }

    static String token(String value) {
        if (value == null) {
            return "-";
        }
        String cleaned = value.replaceAll("[^A-Za-z0-9_.-]", "?");
        return cleaned.length() > 64 ? cleaned.substring(0, 64) + "…" : cleaned;
    }
}

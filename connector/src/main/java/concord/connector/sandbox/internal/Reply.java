package concord.connector.sandbox.internal;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP answer: status, headers and body bytes. */
public record Reply(int status, Map<String, String> headers, byte[] body) {
    public static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>";

    public static Reply of(int status, String contentType, String body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new Reply(status, h, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply text(String body) {
        return of(200, "text/html; charset=utf-8", body);
    }

    public static Reply json(String body) {
        return of(200, "application/json; charset=utf-8", body);
    }

    public static Reply csv(String body) {
        return of(200, "text/csv; charset=utf-8", body);
    }

    public static Reply xml(String body) {
        return of(200, "text/xml; charset=utf-8", body);
    }

    /** A body in the requested format: json, csv, or xml. */
    public static Reply formatted(String format, String body) {
        return switch (format) {
            case "json" -> json(body);
            case "csv" -> csv(body);
            default -> xml(body);
        };
    }

    /** REDCap's error body for the error format: JSON object, {@code ERROR: } text, or XML hash. */
    public static Reply error(int status, String message, String errorFormat) {
        return switch (errorFormat) {
            case "json" -> of(status, "application/json; charset=utf-8", "{\"error\":" + Json.quote(message) + "}");
            case "csv" -> of(status, "text/csv; charset=utf-8", "ERROR: " + message);
            default -> of(status, "text/xml; charset=utf-8", XML_HEAD + "<hash><error>" + Xml.escape(message) + "</error></hash>");
        };
    }

    public static Reply file(StoredFile file) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", file.mimeType() + "; name=\"" + file.name().replace("\"", "") + "\"");
        return new Reply(200, h, file.content());
    }
}

package concord.connector.sandbox.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One HTTP answer: status, headers and either body bytes or a {@link BodyWriter} that produces the body while it
 * is sent (chunked), so that the client already reads a large export while the sandbox still writes it.
 */
public record Reply(int status, Map<String, String> headers, byte[] body, BodyWriter writer) {

    /** Writes a body straight to the response; it must not fail for reasons other than the connection. */
    @FunctionalInterface
    public interface BodyWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    public static final String XML_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>";

    public static final String JSON_TYPE = "application/json; charset=utf-8";

    public static Reply of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply of(int status, String contentType, byte[] body) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new Reply(status, h, body, null);
    }

    /** A body written while it is sent; its length is not known in advance. */
    public static Reply streamed(int status, String contentType, BodyWriter writer) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", contentType);
        return new Reply(status, h, new byte[0], writer);
    }

    public static Reply text(String body) {
        return of(200, "text/html; charset=utf-8", body);
    }

    public static Reply json(String body) {
        return of(200, JSON_TYPE, body);
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
            default -> of(status, "text/xml; charset=utf-8", XML_HEAD + "<hash><error>" + Xml.text(message) + "</error></hash>");
        };
    }

    public static Reply file(StoredFile file) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", file.mimeType() + "; name=\"" + file.name().replace("\"", "") + "\"");
        return new Reply(200, h, file.content(), null);
    }
}

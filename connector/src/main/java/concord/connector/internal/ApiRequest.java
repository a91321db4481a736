package concord.connector.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One POST to REDCap's API: its parameters in order, an optional file part, whether it carries
 * the token, and whether sending it twice is harmless (only such requests are retried).
 */
public final class ApiRequest {

    /** A file to send as the multipart part named {@code file}. */
    public record FilePart(String fileName, String contentType, byte[] content) {
    }

    private final String description;
    private final List<Map.Entry<String, String>> parameters = new ArrayList<>();
    private boolean withToken = true;
    private boolean idempotent = true;
    private FilePart file;

    private ApiRequest(String description) {
        this.description = description;
    }

    /** {@code description} names the operation in logs and messages, e.g. "export metadata". */
    public static ApiRequest of(String description, String content) {
        return new ApiRequest(description).param("content", content);
    }

    /** A request without a {@code content} parameter (the bookmark authkey check). */
    public static ApiRequest bare(String description) {
        return new ApiRequest(description);
    }

    public ApiRequest param(String name, String value) {
        parameters.add(Map.entry(name, Objects.requireNonNull(value, name)));
        return this;
    }

    /** Adds the parameter only when the value is not empty. */
    public ApiRequest optional(String name, String value) {
        return value == null || value.isEmpty() ? this : param(name, value);
    }

    /**
     * Adds an array parameter as one comma-joined value ({@code records=1,2,3}), the form REDCapR
     * uses and PHP's {@code max_input_vars} cannot truncate. Values that themselves contain a comma
     * force the indexed form {@code records[0]=...}.
     */
    public ApiRequest list(String name, Collection<String> values) {
        if (values.isEmpty()) {
            return this;
        }
        if (values.stream().noneMatch(v -> v.indexOf(',') >= 0)) {
            return param(name, String.join(",", values));
        }
        int i = 0;
        for (String v : values) {
            param(name + "[" + i++ + "]", v);
        }
        return this;
    }

    public ApiRequest withoutToken() {
        this.withToken = false;
        return this;
    }

    /** Marks a request that must not be sent twice (it would create a second folder or file). */
    public ApiRequest notIdempotent() {
        this.idempotent = false;
        return this;
    }

    public ApiRequest file(FilePart part) {
        this.file = part;
        return this;
    }

    public String description() {
        return description;
    }

    public List<Map.Entry<String, String>> parameters() {
        return List.copyOf(parameters);
    }

    public boolean withToken() {
        return withToken;
    }

    public boolean idempotent() {
        return idempotent;
    }

    public FilePart file() {
        return file;
    }

    /** The {@code content} parameter, or empty. */
    public String content() {
        return parameters.stream().filter(e -> e.getKey().equals("content")).map(Map.Entry::getValue)
                .findFirst().orElse("");
    }
}

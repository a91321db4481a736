package concord.server.web.internal;

import concord.analysis.report.HtmlTables;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Escaping for text and attribute values, and URL query encoding. */
public final class Html {
    private Html() {
    }

    /** Escapes text for element content and quoted attribute values (the reports' escaping). */
    public static String escape(String text) {
        return HtmlTables.escapeText(text);
    }

    /** Encodes a path segment or query value. */
    public static String url(String value) {
        return URLEncoder.encode(value == null ? "" : value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

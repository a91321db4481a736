package concord.connector.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.connector.RedcapAccessDeniedException;
import concord.connector.RedcapBannedException;
import concord.connector.RedcapException;
import concord.connector.RedcapHtmlResponseException;
import concord.connector.RedcapImportDeniedException;
import concord.connector.RedcapInvalidRequestException;
import concord.connector.RedcapOutOfMemoryException;
import concord.connector.RedcapServerException;
import concord.connector.RedcapValidationException;
import concord.connector.ValidationError;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns an HTTP status and answer text into the matching {@link RedcapException}, quoting REDCap
 * and saying what to do. Knows REDCap's three error shapes: {@code {"error":"..."}},
 * {@code ERROR: ...} and {@code <hash><error>...</error></hash>}.
 */
public final class ErrorClassifier {

    static final String BAN_TEXT = "has been banned due to suspected abuse";
    private static final int QUOTE_LIMIT = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern XML_ERROR = Pattern.compile("<error>(.*?)</error>", Pattern.DOTALL);
    private static final Pattern HTML_TITLE = Pattern.compile("<title>(.*?)</title>",
            Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

    private final String apiUrl;
    private final String token;

    public ErrorClassifier(String apiUrl, String token) {
        this.apiUrl = apiUrl;
        this.token = token;
    }

    /**
     * The failure described by this answer, or {@code null} when it is a success.
     *
     * @param body     the answer text (for successes, only its first few kilobytes)
     * @param location the {@code Location} header of a redirect, or null
     */
    public RedcapException classify(String operation, int status, String body, String location) {
        // Scrub first: REDCap or a proxy could echo the token, and every text below may reach a log.
        String text = Tokens.redact(body == null ? "" : body.strip(), token);
        if (text.toLowerCase(Locale.ROOT).contains(BAN_TEXT)) {
            return new RedcapBannedException("REDCap at " + apiUrl + " has banned this machine's IP address while "
                    + operation + " (HTTP " + status + ": \"" + quote(stripHtml(text)) + "\"). REDCap's rate limiter does this "
                    + "after too many requests a minute (600 by default). Stop all jobs against this server and ask a "
                    + "REDCap administrator to lift the ban; keep interBatchPause at 500 ms or more afterwards.",
                    status, stripHtml(text), null);
        }
        if (looksLikeHtml(text)) {
            return new RedcapHtmlResponseException("REDCap at " + apiUrl + " answered " + operation + " with an HTML page"
                    + " (HTTP " + status + title(text) + ") instead of API data. This is usually a login, maintenance or "
                    + "proxy error page, or an API URL that does not point at REDCap's /api/ endpoint: open the URL in a "
                    + "browser and compare it with the address on the project's API page.",
                    status, "", null);
        }
        if (status >= 300 && status < 400) {
            return new RedcapInvalidRequestException("REDCap at " + apiUrl + " redirected " + operation + " (HTTP "
                    + status + ") to " + (location == null ? "another address" : "'" + location + "'")
                    + ". Redirects turn the POST into a GET that REDCap refuses; set the API URL to the final address "
                    + "(usually https:// instead of http://).", status, "", null);
        }
        String message = errorMessage(text);
        if (status >= 200 && status < 300) {
            return message == null ? null : byMessage(operation, 400, message);
        }
        if (message == null) {
            message = text;
        }
        if (status == 401 || status == 403) {
            return byMessage(operation, status, message);
        }
        if (status == 408 || status == 502 || status == 503 || status == 504) {
            return new RedcapServerException("REDCap at " + apiUrl + " (or a gateway in front of it) timed out or was "
                    + "unavailable while " + operation + " (HTTP " + status + quoted(message) + "). Try again later; for "
                    + "exports, a smaller batchSize keeps each request short.", status, message, null);
        }
        if (status == 501 || status == 405) {
            return invalid(operation, status, message, "REDCap received no usable POST; check that the API URL is "
                    + "exact (https://, trailing /api/) so no redirect turns the request into a GET.");
        }
        if (status >= 500) {
            if (isOutOfMemory(message)) {
                return outOfMemory(operation, status, message);
            }
            return new RedcapServerException("REDCap at " + apiUrl + " failed while " + operation + " (HTTP " + status
                    + quoted(message) + "). This is a fault on the server's side; if it persists, send the time of the "
                    + "failure to the REDCap administrator so they can check the server's error log.",
                    status, message, null);
        }
        return byMessage(operation, status, message);
    }

    private RedcapException byMessage(String operation, int status, String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        if (lower.contains("api import/update privileges")) {
            return new RedcapImportDeniedException("REDCap refused " + operation + " (HTTP " + status + quoted(message)
                    + "): the token's user may read but not write. Ask a project user-rights manager to give this user "
                    + "the 'API Import/Update' right, or use a token of a user who has it.", status, message, null);
        }
        if (lower.contains("permissions to use the api") || status == 401 || status == 403) {
            return new RedcapAccessDeniedException("REDCap at " + apiUrl + " refused the API token while " + operation
                    + " (HTTP " + status + quoted(message) + "). Check that the token belongs to this project on this "
                    + "server and was not regenerated or deleted, and that its user still has API rights (project → "
                    + "User Rights → API Export/Import).", status, message, null);
        }
        if (isOutOfMemory(message)) {
            return outOfMemory(operation, status, message);
        }
        List<ValidationError> errors = ValidationErrorParser.parse(message);
        if (!errors.isEmpty()) {
            ValidationError first = errors.get(0);
            return new RedcapValidationException("REDCap refused " + operation + ": " + errors.size()
                    + (errors.size() == 1 ? " value does" : " values do") + " not validate, first " + quote(first.toString())
                    + ". Correct every listed value (or the field's validation in the data dictionary) and import the "
                    + "rows again.", status, message, errors);
        }
        return invalid(operation, status, message, "Check the named parameter, field, record or event against the "
                + "project (its data dictionary, events and records) and correct the request.");
    }

    private RedcapException invalid(String operation, int status, String message, String advice) {
        return new RedcapInvalidRequestException("REDCap rejected " + operation + " (HTTP " + status + quoted(message)
                + "). " + advice, status, message, null);
    }

    private RedcapException outOfMemory(String operation, int status, String message) {
        return new RedcapOutOfMemoryException("REDCap ran out of memory while " + operation + " (HTTP " + status
                + quoted(message) + "). Repeating the same request will fail the same way: lower batchSize (e.g. to 100), "
                + "or export fewer fields or forms per run.", status, message, null);
    }

    /** REDCap's error text from any of its three shapes, or null if the text is not an error. */
    static String errorMessage(String text) {
        if (text.startsWith("{")) {
            try {
                JsonNode node = JSON.readTree(text);
                JsonNode error = node == null ? null : node.get("error");
                if (error != null) {
                    return error.isTextual() ? error.asText() : error.toString();
                }
            } catch (Exception notJson) {
                return null;
            }
            return null;
        }
        if (text.regionMatches(true, 0, "ERROR:", 0, 6)) {
            return text.substring(6).strip();
        }
        if (text.startsWith("<?xml") || text.startsWith("<hash")) {
            Matcher m = XML_ERROR.matcher(text);
            return m.find() ? unescapeXml(m.group(1).strip()) : null;
        }
        return null;
    }

    static boolean looksLikeHtml(String text) {
        if (!text.startsWith("<")) {
            return false;
        }
        String head = text.substring(0, Math.min(text.length(), 2048)).toLowerCase(Locale.ROOT);
        return head.startsWith("<!doctype html") || head.contains("<html") || head.contains("<body")
                || head.contains("<head");
    }

    private static boolean isOutOfMemory(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("out of memory") || lower.contains("out of server memory");
    }

    private String quoted(String message) {
        return message == null || message.isBlank() ? "" : ": \"" + quote(message) + "\"";
    }

    private String quote(String message) {
        String m = Tokens.redact(message.strip(), token);
        return m.length() <= QUOTE_LIMIT ? m : m.substring(0, QUOTE_LIMIT) + "…";
    }

    private String title(String html) {
        Matcher m = HTML_TITLE.matcher(html);
        return m.find() ? ", page title \"" + quote(m.group(1).strip()) + "\"" : "";
    }

    private static String stripHtml(String text) {
        return text.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    }

    private static String unescapeXml(String s) {
        return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }
}

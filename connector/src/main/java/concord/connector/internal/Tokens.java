package concord.connector.internal;

import java.util.regex.Pattern;

/** Checks API tokens and scrubs them from any text that could reach a log or a message. */
public final class Tokens {

    public static final String REDACTED = "[redacted]";
    private static final Pattern VALID = Pattern.compile("[0-9A-Fa-f]{32}");

    private Tokens() {
    }

    /** The trimmed token, or an exception that says what is wrong without repeating the token. */
    public static String requireValid(String token) {
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("No REDCap API token configured. Request one on the project's "
                    + "'API' page in REDCap (the user needs API export rights) and set it in the configuration.");
        }
        String trimmed = token.strip();
        if (!VALID.matcher(trimmed).matches()) {
            String problem = trimmed.length() != 32
                    ? "has " + trimmed.length() + " characters"
                    : "contains characters other than 0-9 and A-F";
            throw new IllegalArgumentException("The REDCap API token " + problem + " after trimming spaces; a REDCap "
                    + "project token is exactly 32 hexadecimal characters. Copy it again from the project's 'API' page "
                    + "in REDCap (super tokens of 64 characters cannot read projects).");
        }
        return trimmed;
    }

    /** {@code text} with every occurrence of {@code token} (any letter case) replaced by {@link #REDACTED}. */
    public static String redact(String text, String token) {
        if (text == null || token == null || token.isEmpty()) {
            return text;
        }
        return Pattern.compile(Pattern.quote(token), Pattern.CASE_INSENSITIVE).matcher(text).replaceAll(REDACTED);
    }
}

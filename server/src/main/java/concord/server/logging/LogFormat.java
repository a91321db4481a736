package concord.server.logging;

import ch.qos.logback.core.PropertyDefinerBase;

import java.util.Locale;

/**
 * Chooses the log appender in {@code logback.xml}: {@code json} (one JSON object per line, the default, for
 * log collectors) or {@code text} (the human pattern, for the {@code demo} command and a terminal), from
 * {@code CONCORD_LOG_FORMAT} (a logback context property or system property of that name wins over the
 * environment). Any other value falls back to {@code json} with a logback status warning, so a typo never
 * silences the logs.
 */
public class LogFormat extends PropertyDefinerBase {
    public static final String VARIABLE = "CONCORD_LOG_FORMAT";
    public static final String JSON = "json";
    public static final String TEXT = "text";

    @Override
    public String getPropertyValue() {
        String value = getContext() == null ? null : getContext().getProperty(VARIABLE);
        if (value == null) {
            value = requested();
        }
        String format = parse(value);
        if (format == null) {
            addWarn(VARIABLE + "=" + value + " is not a log format; logging JSON lines. Use json or text.");
            return JSON;
        }
        return format;
    }

    /**
     * The format the process was started with ({@code CONCORD_LOG_FORMAT} as a system property or in the
     * environment): {@code json} unless it asks for {@code text}. The service prints Micronaut's banner only
     * for text, so that JSON output holds nothing but JSON lines.
     */
    public static String fromEnvironment() {
        String format = parse(requested());
        return format == null ? JSON : format;
    }

    /**
     * Makes {@code format} the process's log format when neither a system property nor the environment
     * chose one; call before the first logger is created.
     */
    public static void defaultTo(String format) {
        if (requested() == null) {
            System.setProperty(VARIABLE, format);
        }
    }

    private static String requested() {
        String value = System.getProperty(VARIABLE);
        return value == null ? System.getenv(VARIABLE) : value;
    }

    /** json or text; json when unset; null when the value is neither. */
    static String parse(String value) {
        if (value == null || value.isBlank()) {
            return JSON;
        }
        String format = value.trim().toLowerCase(Locale.ROOT);
        return format.equals(JSON) || format.equals(TEXT) ? format : null;
    }
}

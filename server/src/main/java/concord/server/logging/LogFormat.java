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

    @Override
    public String getPropertyValue() {
        String value = getContext() == null ? null : getContext().getProperty(VARIABLE);
        if (value == null) {
            value = System.getProperty(VARIABLE);
        }
        if (value == null) {
            value = System.getenv(VARIABLE);
        }
        if (value == null || value.isBlank()) {
            return "json";
        }
        String format = value.trim().toLowerCase(Locale.ROOT);
        if (format.equals("json") || format.equals("text")) {
            return format;
        }
        addWarn(VARIABLE + "=" + value + " is not a log format; logging JSON lines. Use json or text.");
        return "json";
    }
}

package concord.server.run.internal;

import concord.server.run.RunStage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The {@code stage_millis} column: {@code STAGE=millis} pairs joined by commas, in stage order. */
public final class StageMillisColumn {
    private StageMillisColumn() {
    }

    public static String encode(Map<RunStage, Long> millis) {
        return millis == null || millis.isEmpty() ? null : millis.entrySet().stream()
                .map(e -> e.getKey().name() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    /** The stage names and milliseconds, in stored order; null for a run that recorded none (older, failed). */
    public static Map<String, Long> decode(String column) {
        if (column == null || column.isBlank()) {
            return null;
        }
        Map<String, Long> out = new LinkedHashMap<>();
        for (String pair : column.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                try {
                    out.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
                } catch (NumberFormatException e) {
                    // a malformed pair is left out: the times are for people, never an input to a run
                }
            }
        }
        return Collections.unmodifiableMap(out);
    }
}

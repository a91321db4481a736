package concord.analysis.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Numbers the distinct reasons why cells are not computable, in order of first use. */
public final class Footnotes {

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final String idPrefix;

    /** {@code idPrefix} makes anchor ids unique when several tables share a page. */
    public Footnotes(String idPrefix) {
        this.idPrefix = idPrefix;
    }

    public String idPrefix() {
        return idPrefix;
    }

    public int number(String reason) {
        return numbers.computeIfAbsent(reason, r -> numbers.size() + 1);
    }

    public List<String> reasons() {
        return new ArrayList<>(numbers.keySet());
    }

    public boolean isEmpty() {
        return numbers.isEmpty();
    }

    /** The reason stored under the first of {@code keys} present, else a generic one. */
    public static String reason(Map<String, String> notComputable, String... keys) {
        for (String key : keys) {
            String reason = notComputable.get(key);
            if (reason != null) {
                return reason;
            }
        }
        return "not computable";
    }
}

package concord.analysis.report.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Numbers the footnotes of a table in order of first use: the distinct reasons why cells are not
 * computable, and notes that qualify a value (a Monte Carlo estimate).
 */
public final class Footnotes {

    /** A footnote's text and whether it explains a value that is not computable ("—"). */
    public record Entry(String text, boolean notComputable) {
    }

    private final Map<String, Integer> numbers = new LinkedHashMap<>();
    private final Map<String, Boolean> notComputable = new LinkedHashMap<>();
    private final String idPrefix;
    private final java.util.function.UnaryOperator<String> display;

    /** {@code idPrefix} makes anchor ids unique when several tables share a page. */
    public Footnotes(String idPrefix) {
        this(idPrefix, java.util.function.UnaryOperator.identity());
    }

    /** Footnotes whose texts are shown through {@code display} (the report language's wording of a stored reason). */
    public Footnotes(String idPrefix, java.util.function.UnaryOperator<String> display) {
        this.idPrefix = idPrefix;
        this.display = display;
    }

    /** A footnote text as shown. */
    public String display(String text) {
        return display.apply(text);
    }

    public String idPrefix() {
        return idPrefix;
    }

    /** The number of the footnote giving why a value is not computable. */
    public int number(String reason) {
        return add(reason, true);
    }

    /** The number of the footnote qualifying a value. */
    public int note(String note) {
        return add(note, false);
    }

    /** The footnote of a cell, or 0 when it has none. */
    public int of(TextCell cell) {
        return cell.isMissing() ? number(cell.reason()) : cell.hasNote() ? note(cell.note()) : 0;
    }

    private int add(String text, boolean missing) {
        notComputable.putIfAbsent(text, missing);
        return numbers.computeIfAbsent(text, r -> numbers.size() + 1);
    }

    public List<String> reasons() {
        return numbers.keySet().stream().map(display).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    /** The footnotes in order, each with its kind. */
    public List<Entry> entries() {
        List<Entry> out = new ArrayList<>();
        numbers.keySet().forEach(text -> out.add(new Entry(display.apply(text), notComputable.get(text))));
        return out;
    }

    /** "— reason" for a value that is not computable, the note as it is otherwise. */
    public static String text(Entry entry) {
        return entry.notComputable() ? Numbers.NOT_COMPUTABLE + " " + entry.text() : entry.text();
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

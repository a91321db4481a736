package concord.analysis.reconstruction;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A published summary table: one {@link PublishedRow} per outcome and stakeholder group, in the
 * order printed.
 *
 * @param source where it was read from (a file name), for messages
 * @param rows   the rows in printed order
 */
public record PublishedTable(String source, List<PublishedRow> rows) {

    public PublishedTable {
        Objects.requireNonNull(source, "source");
        rows = List.copyOf(rows);
    }

    /** Outcome labels in order of first appearance. */
    public List<String> outcomes() {
        LinkedHashSet<String> outcomes = new LinkedHashSet<>();
        rows.forEach(r -> outcomes.add(r.outcome()));
        return new ArrayList<>(outcomes);
    }

    /** Group labels in order of first appearance. */
    public List<String> groups() {
        LinkedHashSet<String> groups = new LinkedHashSet<>();
        rows.forEach(r -> groups.add(r.group()));
        return new ArrayList<>(groups);
    }

    /** The row of an outcome and group, if printed. */
    public Optional<PublishedRow> row(String outcome, String group) {
        return rows.stream().filter(r -> r.outcome().equals(outcome) && r.group().equals(group)).findFirst();
    }

    /** Rows whose printed cells had problems (unreadable or repaired values). */
    public List<PublishedRow> rowsWithProblems() {
        return rows.stream().filter(r -> !r.problems().isEmpty()).toList();
    }
}

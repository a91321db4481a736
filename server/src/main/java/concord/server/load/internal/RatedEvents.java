package concord.server.load.internal;

import concord.analysis.Study;
import concord.connector.ExportColumns;
import concord.connector.ExportRow;
import concord.connector.RecordRowSink;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events of a longitudinal record export whose rows hold ratings, in the project's event order: REDCap
 * exports a record's rows in event order, so every record's sequence of rated events is a part of that order;
 * the parts are joined (events never seen together keep the order they first appeared in). For an export file,
 * which carries no event list of its own.
 */
public final class RatedEvents implements RecordRowSink {
    private final Study study;
    private final String groupField;
    private final KeyStrings keys = new KeyStrings();
    /** event → events seen after it in some record. */
    private final Map<String, Set<String>> later = new LinkedHashMap<>();
    private final List<String> current = new ArrayList<>();
    /** Every event with a rated row, in order of first appearance. */
    private final Set<String> rated = new LinkedHashSet<>();
    private String currentId;
    private ExportColumns columns;
    private RecordPlan plan;
    private boolean hasEventColumn;

    public RatedEvents(Study study, String groupField) {
        this.study = study;
        this.groupField = groupField;
    }

    @Override
    public void columns(ExportColumns columns) {
        if (columns != this.columns) {
            this.columns = columns;
            this.plan = RecordPlan.resolve(columns, study, groupField, List.of());
            hasEventColumn |= plan.event >= 0;
        }
    }

    @Override
    public void row(ExportRow row) {
        String id = row.text(plan.recordId);
        if (!id.equals(currentId)) {
            endRecord();
            currentId = id;
        }
        String event = keys.text(row, plan.event);
        if (event.isEmpty()) {
            return;
        }
        later.computeIfAbsent(event, e -> new LinkedHashSet<>());
        boolean rated = false;
        for (int cell : plan.outcomes) {
            rated |= !Cells.blank(row, cell);
        }
        if (rated && !current.contains(event)) {
            current.add(event);
        }
    }

    private void endRecord() {
        for (int i = 0; i + 1 < current.size(); i++) {
            later.get(current.get(i)).add(current.get(i + 1));
        }
        rated.addAll(current);
        current.clear();
    }

    /** True when the export had a {@code redcap_event_name} column. */
    public boolean longitudinal() {
        return hasEventColumn;
    }

    /**
     * The rated events in order.
     *
     * @throws IllegalStateException naming two events that records hold in both orders
     */
    public List<String> order() {
        endRecord();
        List<String> out = new ArrayList<>();
        Set<String> left = new LinkedHashSet<>(rated);
        while (!left.isEmpty()) {
            String next = null;
            for (String candidate : left) {
                boolean free = true;
                for (String other : left) {
                    if (!other.equals(candidate) && later.get(other).contains(candidate)) {
                        free = false;
                        break;
                    }
                }
                if (free) {
                    next = candidate;
                    break;
                }
            }
            if (next == null) {
                throw new IllegalStateException("the export holds the events " + left + " in different orders in different "
                        + "records, so their round order is not known");
            }
            out.add(next);
            left.remove(next);
        }
        return out;
    }
}

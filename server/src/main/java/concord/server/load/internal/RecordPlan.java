package concord.server.load.internal;

import concord.analysis.DemographicVariable;
import concord.analysis.Study;
import concord.connector.ExportColumns;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What each column of an export means for one study, resolved once per column list: where the record
 * ID, event and repeat cells are, which column holds the group, each outcome and each characteristic, and
 * the fingerprint's fields in their canonical (name) order. Absent columns are -1 and read as empty,
 * as {@code RedcapRecord.valueOrEmpty} does.
 */
public final class RecordPlan {
    public final ExportColumns columns;
    public final int recordId;
    public final int event;
    public final int repeatInstrument;
    public final int repeatInstance;
    public final int group;
    /** Column of the round field (Delphi studies with round-field), or -1. */
    public final int round;
    /** Column of each outcome, in study order. */
    public final int[] outcomes;
    /** Column of each characteristic, in study order. */
    public final int[] characteristics;
    /** Columns of the fingerprinted fields, sorted by field name. */
    public final int[] fingerprintColumns;

    private RecordPlan(ExportColumns columns, Study study, String groupField, String roundField, List<String> exportFields) {
        this.columns = columns;
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            index.putIfAbsent(columns.names().get(i), i);
        }
        this.recordId = columns.recordId();
        this.event = columns.event();
        this.repeatInstrument = columns.repeatInstrument();
        this.repeatInstance = columns.repeatInstance();
        this.group = index.getOrDefault(groupField, -1);
        this.round = roundField == null ? -1 : index.getOrDefault(roundField, -1);
        this.outcomes = study.outcomes().stream().mapToInt(o -> index.getOrDefault(o.field(), -1)).toArray();
        this.characteristics = study.demographics().stream().map(DemographicVariable::field)
                .mapToInt(f -> index.getOrDefault(f, -1)).toArray();
        List<String> sorted = new ArrayList<>(new java.util.TreeSet<>(exportFields));
        this.fingerprintColumns = sorted.stream().mapToInt(f -> index.getOrDefault(f, -1)).toArray();
    }

    /** @param exportFields the fields the fingerprint covers ({@code LoadedStudy.exportFields()}) */
    public static RecordPlan resolve(ExportColumns columns, Study study, String groupField, List<String> exportFields) {
        return new RecordPlan(columns, study, groupField, null, exportFields);
    }

    /** As {@link #resolve(ExportColumns, Study, String, List)}, with the round field's column (null: none). */
    public static RecordPlan resolve(ExportColumns columns, Study study, String groupField, String roundField,
                                     List<String> exportFields) {
        return new RecordPlan(columns, study, groupField, roundField, exportFields);
    }
}

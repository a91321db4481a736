package concord.server.load.internal;

import concord.analysis.DemographicVariable;
import concord.analysis.Study;
import concord.connector.ExportColumns;

import java.nio.charset.StandardCharsets;
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
    /** Per fingerprinted field: 0x1e, its name, 0x1d (what precedes its value in the row digest). */
    public final byte[][] fingerprintPrefixes;
    /** The prefixes as little-endian 8-byte words (zero-padded), to write them with a few long stores. */
    public final long[][] fingerprintPrefixWords;
    /** Sum of the prefixes' lengths. */
    public final int fingerprintPrefixBytes;

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
        this.fingerprintPrefixes = new byte[sorted.size()][];
        for (int i = 0; i < sorted.size(); i++) {
            byte[] name = sorted.get(i).getBytes(StandardCharsets.UTF_8);
            byte[] prefix = new byte[name.length + 2];
            prefix[0] = 0x1e;
            System.arraycopy(name, 0, prefix, 1, name.length);
            prefix[name.length + 1] = 0x1d;
            fingerprintPrefixes[i] = prefix;
        }
        this.fingerprintPrefixBytes = java.util.Arrays.stream(fingerprintPrefixes).mapToInt(p -> p.length).sum();
        this.fingerprintPrefixWords = new long[sorted.size()][];
        for (int i = 0; i < sorted.size(); i++) {
            byte[] prefix = fingerprintPrefixes[i];
            long[] words = new long[(prefix.length + 7) / 8];
            for (int k = 0; k < prefix.length; k++) {
                words[k / 8] |= (prefix[k] & 0xffL) << (8 * (k % 8));
            }
            fingerprintPrefixWords[i] = words;
        }
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

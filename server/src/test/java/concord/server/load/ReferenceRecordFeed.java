package concord.server.load;

import concord.analysis.DemographicVariable;
import concord.analysis.Outcome;
import concord.analysis.Participant;
import concord.analysis.RatingAccumulator;
import concord.analysis.Study;
import concord.connector.RedcapRecord;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * The record path as it was before the byte-level {@link RecordFeed} (kept as the reference the tests compare
 * it with, byte for byte): streams exported rows into a {@link RatingAccumulator}, one record at a time (REDCap
 * exports a record's rows together).
 *
 * <p><b>Policy.</b> A rating that is not an integer on the scale, and a characteristic value that is
 * not one of its codes (or not a number), is excluded from the analysis and counted as a
 * {@link LoadIssue}; a record without a valid group is excluded as a whole and counted. Nothing
 * invalid is analysed silently. In longitudinal projects only the chosen event's rows carry
 * ratings; with repeating forms the configured instance, or else the first instance with an answer.
 */
public final class ReferenceRecordFeed {
    private static final int MAX_KEPT_ISSUES = 1000;

    private final LoadedStudy loaded;
    private final Study study;
    private final Integer repeatInstance;
    private final String excludedRecord;
    private final RatingAccumulator accumulator;
    private final ReferenceFingerprint fingerprint = new ReferenceFingerprint();
    private final List<LoadIssue> issues = new ArrayList<>();
    private final IntConsumer progress;
    private final List<RedcapRecord> pending = new ArrayList<>();
    /** Record IDs already flushed: REDCap exports a record's rows together, so a reappearing ID is a duplicate. */
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private int issueCount;
    private int records;
    private int analysed;

    public ReferenceRecordFeed(LoadedStudy loaded, StudySpec spec, IntConsumer progress) {
        this.loaded = loaded;
        this.study = loaded.study();
        this.repeatInstance = spec.repeatInstance();
        this.excludedRecord = spec.excludedRecord();
        this.accumulator = new RatingAccumulator(study);
        this.progress = progress;
        fingerprint.design(design(loaded));
    }

    /**
     * Everything of the dictionary that shapes the result, in a fixed order: a renamed label, a deleted group
     * choice or a moved domain must make the next run publish again, though no value changed.
     */
    private static String design(LoadedStudy loaded) {
        Study study = loaded.study();
        StringBuilder s = new StringBuilder(study.title()).append('\u001e').append(loaded.recordIdField()).append('\u001e')
                .append(loaded.groupField()).append('\u001e').append(study.scale().min()).append('-').append(study.scale().max());
        study.outcomes().forEach(o -> s.append("\u001eO").append(o.field()).append('\u001f').append(o.label())
                .append('\u001f').append(o.domain()));
        study.groups().forEach(g -> s.append("\u001eG").append(g.code()).append('\u001f').append(g.label()));
        study.demographics().forEach(d -> {
            s.append("\u001eD").append(d.field()).append('\u001f').append(d.label()).append('\u001f').append(d.kind());
            (d.choices() == null ? java.util.Map.<String, String>of() : new java.util.TreeMap<>(d.choices())).forEach((code, label) -> s.append('\u001f').append(code).append('=').append(label));
        });
        s.append("\u001eF").append(String.join("\u001f", new java.util.TreeSet<>(loaded.exportFields())));
        return s.toString();
    }

    /** Accepts the next exported row. */
    public void accept(RedcapRecord row) {
        if (excludedRecord != null && excludedRecord.equals(row.recordId())) {
            return;
        }
        if (!pending.isEmpty() && !pending.get(0).recordId().equals(row.recordId())) {
            flush();
        }
        boolean repeatedRow = pending.stream().anyMatch(p -> p.eventName().equals(row.eventName())
                && p.repeatInstrument().equals(row.repeatInstrument()) && p.repeatInstance().equals(row.repeatInstance()));
        if (seen.contains(row.recordId()) || repeatedRow) {
            issue(row.recordId(), loaded.recordIdField(), row.recordId(), "duplicate record ID: this row is left out "
                    + "(the first row with this ID is analysed); give each record a unique ID.");
            return;
        }
        Map<String, String> read = new LinkedHashMap<>();
        for (String field : loaded.exportFields()) {
            read.put(field, row.valueOrEmpty(field));
        }
        fingerprint.add(row.recordId(), row.eventName(), row.repeatInstrument(), row.repeatInstance(), read);
        pending.add(row);
    }

    /** Ends the stream and returns what was read. */
    public FeedResult finish() {
        flush();
        return new FeedResult(accumulator, records, analysed, issueCount, List.copyOf(issues), fingerprint.hex());
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<RedcapRecord> rows = List.copyOf(pending);
        pending.clear();
        records++;
        String id = rows.get(0).recordId();
        seen.add(id);
        RedcapRecord ratingRow = ratingRow(rows);
        String group = firstValue(ratingRow, rows, loaded.groupField());
        if (group.isEmpty()) {
            issue(id, loaded.groupField(), "", "no stakeholder group: the record is left out; fill in "
                    + loaded.groupField() + ".");
            progress.accept(records);
            return;
        }
        if (study.group(group).isEmpty()) {
            issue(id, loaded.groupField(), group, "not one of the group codes "
                    + study.groups().stream().map(g -> g.code()).toList() + ": the record is left out; correct the value.");
            progress.accept(records);
            return;
        }
        Map<String, Integer> ratings = new HashMap<>();
        for (Outcome outcome : study.outcomes()) {
            String raw = ratingRow == null ? "" : ratingRow.valueOrEmpty(outcome.field()).trim();
            if (raw.isEmpty()) {
                continue;
            }
            Integer score = score(raw);
            if (score == null) {
                issue(id, outcome.field(), raw, "not a whole number: excluded; enter a score "
                        + study.scale().min() + "–" + study.scale().max() + " or leave it empty.");
            } else if (!study.scale().contains(score)) {
                issue(id, outcome.field(), raw, "outside the scale " + study.scale().min() + "–" + study.scale().max()
                        + ": excluded; correct the value.");
            } else {
                ratings.put(outcome.field(), score);
            }
        }
        Map<String, String> characteristics = new HashMap<>();
        for (DemographicVariable variable : study.demographics()) {
            String raw = firstValue(ratingRow, rows, variable.field()).trim();
            if (raw.isEmpty()) {
                continue;
            }
            boolean valid = variable.kind() == DemographicVariable.Kind.CATEGORICAL
                    ? variable.choices().containsKey(raw) : number(raw);
            if (valid) {
                characteristics.put(variable.field(), raw);
            } else {
                issue(id, variable.field(), raw, (variable.kind() == DemographicVariable.Kind.CATEGORICAL
                        ? "not one of the codes " + variable.choices().keySet() : "not a number") + ": excluded.");
            }
        }
        accumulator.add(new Participant(id, group, ratings, characteristics));
        analysed++;
        progress.accept(records);
    }

    /** The row holding this record's ratings: chosen event, then instance policy. */
    private RedcapRecord ratingRow(List<RedcapRecord> rows) {
        List<RedcapRecord> candidates = rows.stream()
                .filter(r -> loaded.event() == null || loaded.event().equals(r.eventName()))
                .filter(r -> r.repeatInstrument().isEmpty() || loaded.ratingForms().contains(r.repeatInstrument()))
                .filter(r -> repeatInstance == null || r.repeatInstance().isEmpty()
                        || String.valueOf(repeatInstance).equals(r.repeatInstance().trim()))
                .sorted(Comparator.comparingInt(r -> instance(r.repeatInstance())))
                .toList();
        for (RedcapRecord r : candidates) {
            if (study.outcomes().stream().anyMatch(o -> !r.valueOrEmpty(o.field()).isBlank())) {
                return r;
            }
        }
        return candidates.isEmpty() ? null : candidates.get(0);
    }

    private static String firstValue(RedcapRecord preferred, List<RedcapRecord> rows, String field) {
        if (preferred != null && !preferred.valueOrEmpty(field).isBlank()) {
            return preferred.valueOrEmpty(field).trim();
        }
        for (RedcapRecord r : rows) {
            if (!r.valueOrEmpty(field).isBlank()) {
                return r.valueOrEmpty(field).trim();
            }
        }
        return "";
    }

    private void issue(String record, String field, String value, String problem) {
        issueCount++;
        if (issues.size() < MAX_KEPT_ISSUES) {
            issues.add(new LoadIssue(record, field, value, problem));
        }
    }

    private static int instance(String text) {
        try {
            return text == null || text.isBlank() ? 0 : Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE;
        }
    }

    /** Whole numbers only; "7.0" (sliders and some exports) counts as 7, "7.5" does not. */
    static Integer score(String raw) {
        try {
            return Integer.valueOf(raw);
        } catch (NumberFormatException e) {
            try {
                java.math.BigDecimal d = new java.math.BigDecimal(raw);
                return d.stripTrailingZeros().scale() <= 0 ? d.intValueExact() : null;
            } catch (NumberFormatException | ArithmeticException e2) {
                return null;
            }
        }
    }

    private static boolean number(String raw) {
        try {
            Double.parseDouble(raw);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}

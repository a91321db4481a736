package concord.server.load;

import concord.analysis.DelphiAccumulator;
import concord.analysis.DemographicVariable;
import concord.analysis.RatingAccumulator;
import concord.analysis.Study;
import concord.connector.ExportColumns;
import concord.connector.ExportRow;
import concord.connector.RecordRowSink;
import concord.server.load.internal.Cells;
import concord.server.load.internal.DesignText;
import concord.server.load.internal.Fingerprint;
import concord.server.load.internal.KeyStrings;
import concord.server.load.internal.ParsedRow;
import concord.server.load.internal.PendingRows;
import concord.server.load.internal.RecordIds;
import concord.server.load.internal.RecordPlan;
import concord.server.load.internal.RowDigests;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntConsumer;

/**
 * Streams exported rows, as bytes, into a {@link RatingAccumulator}, one record at a time (REDCap exports a
 * record's rows together). The columns are resolved once per column list ({@link RecordPlan}); a row is parsed
 * in place ({@link ParsedRow}: plain scores and codes are read from their bytes) and costs no objects;
 * a bad value costs its text for the exclusion message.
 *
 * <p><b>Policy.</b> A rating that is not an integer on the scale, and a characteristic value that is
 * not one of its codes (or not a finite number), is excluded from the analysis and counted as a
 * {@link LoadIssue}; a record without a valid group is excluded as a whole and counted. Nothing
 * invalid is analysed silently. A row whose record ID was seen before (or repeating a row of its record:
 * same event and instance) is a duplicate: left out and counted. In longitudinal projects only the chosen
 * event's rows carry ratings; with repeating forms the configured instance, or else the first instance with an answer.
 *
 * <p><b>Delphi studies</b> ({@link LoadedStudy#rounds()}): a record's rows go to {@link RoundFeed}, which sorts them
 * into rounds, counts them into a {@link DelphiAccumulator} and keeps each participant's latest answered round in
 * {@link ParticipantRatings} (for feedback).
 */
public final class RecordFeed implements RecordRowSink {
    private static final int MAX_KEPT_ISSUES = 1000;
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

    private final LoadedStudy loaded;
    private final Study study;
    private final String repeatInstance;
    private final byte[] excludedRecord;
    private final RatingAccumulator accumulator;
    /** The rounds of a Delphi study, or null. */
    private final StudyRounds rounds;
    /** The Delphi half, or null for a single survey. */
    private final RoundFeed roundFeed;
    private final byte[] design;
    private final RowDigests digests;
    private final RecordIds seen = new RecordIds();
    private final List<LoadIssue> issues = new ArrayList<>();
    private final IntConsumer progress;
    private final ParsedRow.Codes codes;
    private final List<String> exportFields;
    private final KeyStrings keys = new KeyStrings();
    private final MessageDigest sha = Fingerprint.sha256();
    private final byte[] digest = new byte[32];
    private ExportColumns columns;
    private RecordPlan plan;
    /** The rows of the record being read: pool[0..pendingRows). */
    private final List<ParsedRow> pool = new ArrayList<>();
    private int pendingRows;
    private byte[] pendingId = new byte[32];
    private int pendingIdLength;
    private byte[] id = new byte[32];
    private int idLength;
    private byte[] message = new byte[4096];
    private int[] candidates = new int[8];
    private int issueCount;
    private int records;
    private int analysed;

    public RecordFeed(LoadedStudy loaded, StudySpec spec, IntConsumer progress) {
        this(loaded, spec, progress, 0);
    }

    /** A feed for part {@code part} of an export read in parts (see {@link #combine}). */
    RecordFeed(LoadedStudy loaded, StudySpec spec, IntConsumer progress, int part) {
        this.loaded = loaded;
        this.study = loaded.study();
        this.repeatInstance = spec.repeatInstance() == null ? null : String.valueOf(spec.repeatInstance());
        this.excludedRecord = spec.excludedRecord() == null ? null : spec.excludedRecord().getBytes(StandardCharsets.UTF_8);
        this.accumulator = new RatingAccumulator(study);
        this.rounds = loaded.rounds();
        this.roundFeed = rounds == null ? null : new RoundFeed(loaded, repeatInstance, this::issue);
        this.progress = progress;
        this.codes = new ParsedRow.Codes(study, rounds != null && !rounds.byEvent() ? rounds.codes() : List.of());
        this.exportFields = loaded.exportFields();
        this.design = Fingerprint.design(DesignText.of(loaded));
        this.digests = new RowDigests((long) part << 40);
    }

    @Override
    public void columns(ExportColumns columns) {
        if (columns != this.columns) {
            this.columns = columns;
            this.plan = RecordPlan.resolve(columns, study, loaded.groupField(), rounds == null ? null : rounds.field(),
                    exportFields);
        }
    }

    @Override
    public void row(ExportRow row) {
        idLength = readId(row);
        if (excludedRecord != null && Arrays.equals(id, 0, idLength, excludedRecord, 0, excludedRecord.length)) {
            return;
        }
        if (pendingRows > 0 && !Arrays.equals(id, 0, idLength, pendingId, 0, pendingIdLength)) {
            flush();
        }
        String event = keys.text(row, plan.event);
        String instrument = keys.text(row, plan.repeatInstrument);
        String instance = keys.text(row, plan.repeatInstance);
        boolean repeatedRow = false;
        for (int k = 0; k < pendingRows && !repeatedRow; k++) {
            ParsedRow p = pool.get(k);
            repeatedRow = p.event.equals(event) && p.repeatInstrument.equals(instrument) && p.repeatInstance.equals(instance);
        }
        if (repeatedRow || seen.contains(id, 0, idLength)) {
            String recordId = new String(id, 0, idLength, StandardCharsets.UTF_8);
            issue(recordId, loaded.recordIdField(), recordId, "duplicate record ID: this row is left out "
                    + "(the first row with this ID is analysed); give each record a unique ID.");
            return;
        }
        rowDigest(row);
        if (pendingRows == pool.size()) {
            pool.add(new ParsedRow(study));
        }
        ParsedRow parsed = pool.get(pendingRows);
        parsed.event = event;
        parsed.repeatInstrument = instrument;
        parsed.repeatInstance = instance;
        parsed.parse(row, plan, codes);
        if (rounds != null && rounds.byEvent()) {
            parsed.round = rounds.index(event);
        }
        if (pendingRows == 0) {
            if (pendingId.length < idLength) {
                pendingId = new byte[idLength * 2];
            }
            System.arraycopy(id, 0, pendingId, 0, idLength);
            pendingIdLength = idLength;
        }
        pendingRows++;
    }

    /** Ends the stream and returns what was read. */
    public FeedResult finish() {
        return combine(List.of(this));
    }

    /**
     * The result of an export read in consecutive parts, one feed each, as one feed reading it all would
     * give it. The caller has checked that no record ID is in two parts ({@link #sharesRecordsWith}).
     */
    static FeedResult combine(List<RecordFeed> parts) {
        RecordFeed first = parts.get(0);
        List<LoadIssue> issues = new ArrayList<>();
        List<RowDigests> digests = new ArrayList<>();
        int records = 0;
        int analysed = 0;
        int issueCount = 0;
        for (RecordFeed part : parts) {
            part.flush();
            if (part != first) {
                first.accumulator.merge(part.accumulator);
            }
            records += part.records;
            analysed += part.analysed;
            issueCount += part.issueCount;
            part.issues.stream().limit(MAX_KEPT_ISSUES - issues.size()).forEach(issues::add);
            digests.add(part.digests);
        }
        try {
            String fingerprint = Fingerprint.hex(first.design, digests);
            if (first.roundFeed == null) {
                return new FeedResult(first.accumulator, records, analysed, issueCount, List.copyOf(issues), fingerprint);
            }
            for (RecordFeed part : parts) {
                if (part != first) {
                    first.roundFeed.merge(part.roundFeed);
                }
            }
            return new FeedResult(first.roundFeed.latestRound(), records, analysed, issueCount, List.copyOf(issues),
                    fingerprint, first.roundFeed.delphi, first.roundFeed.ratings);
        } finally {
            digests.forEach(RowDigests::close);
        }
    }

    /** True when a record ID of this part is also in {@code other}. */
    boolean sharesRecordsWith(RecordFeed other) {
        flush();
        other.flush();
        return seen.intersects(other.seen);
    }

    /** Removes the temporary files of a feed whose result is not wanted. */
    void discard() {
        digests.close();
    }

    /** The row's digest: key, then the fingerprinted fields in name order (see {@link Fingerprint}). */
    private void rowDigest(ExportRow row) {
        boolean ascii = row.ascii();
        int[] fields = plan.fingerprintColumns;
        // each field: a length byte (0xFF and four bytes from 255 on), then its bytes
        int max = idLength + 3 + 5 * fields.length;
        if (ascii) {
            max += row.size() == 0 ? 0 : 4 * (row.end(row.size() - 1) - row.start(0)) + 4 * row.size();
        } else {
            max += Cells.maxUtf8(row, plan.event) + Cells.maxUtf8(row, plan.repeatInstrument) + Cells.maxUtf8(row, plan.repeatInstance);
            for (int field : fields) {
                max += Cells.maxUtf8(row, field);
            }
        }
        if (message.length < max) {
            message = new byte[Math.max(max, message.length * 2)];
        }
        byte[] m = message;
        byte[] b = row.bytes();
        System.arraycopy(id, 0, m, 0, idLength);
        int n = idLength;
        m[n++] = 0x1f;
        n += ascii ? Cells.ascii(row, plan.event, b, m, n) : Cells.utf8(row, plan.event, m, n);
        m[n++] = 0x1f;
        n += ascii ? Cells.ascii(row, plan.repeatInstrument, b, m, n) : Cells.utf8(row, plan.repeatInstrument, m, n);
        m[n++] = 0x1f;
        n += ascii ? Cells.ascii(row, plan.repeatInstance, b, m, n) : Cells.utf8(row, plan.repeatInstance, m, n);
        int keyLength = n;
        for (int field : fields) {
            int length = ascii ? Cells.ascii(row, field, b, m, n + 1) : Cells.utf8(row, field, m, n + 1);
            if (length < 0xFF) {
                m[n] = (byte) length;
                n += 1 + length;
            } else {
                System.arraycopy(m, n + 1, m, n + 5, length);
                m[n] = (byte) 0xFF;
                INTS.set(m, n + 1, length);
                n += 5 + length;
            }
        }
        sha.update(m, 0, n);
        try {
            sha.digest(digest, 0, digest.length);
        } catch (java.security.DigestException e) {
            throw new IllegalStateException(e);
        }
        digests.add(m, keyLength, digest);
    }

    /** The record ID's UTF-8 into {@link #id}; returns its length. */
    private int readId(ExportRow row) {
        int max = Cells.maxUtf8(row, plan.recordId);
        if (id.length < max) {
            id = new byte[Math.max(max, id.length * 2)];
        }
        return Cells.utf8(row, plan.recordId, id, 0);
    }

    private void flush() {
        if (pendingRows == 0) {
            return;
        }
        int rows = pendingRows;
        pendingRows = 0;
        records++;
        seen.add(pendingId, 0, pendingIdLength);
        if (roundFeed != null) {
            if (roundFeed.flush(pool, rows, pendingId, pendingIdLength)) {
                analysed++;
            }
            progress.accept(records);
            return;
        }
        String recordId = null;
        int rating = ratingRow(rows);
        ParsedRow r = rating < 0 ? null : pool.get(rating);
        int groupRow = rating >= 0 && !r.groupBlank ? rating : PendingRows.firstNonBlankGroup(pool, rows);
        ParsedRow g = groupRow < 0 ? null : pool.get(groupRow);
        if (g == null || (g.group < 0 && g.groupText.isEmpty())) {
            recordId = recordId();
            issue(recordId, loaded.groupField(), "", "no stakeholder group: the record is left out; fill in "
                    + loaded.groupField() + ".");
            progress.accept(records);
            return;
        }
        if (g.group < 0) {
            issue(recordId(), loaded.groupField(), g.groupText, "not one of the group codes "
                    + study.groups().stream().map(x -> x.code()).toList() + ": the record is left out; correct the value.");
            progress.accept(records);
            return;
        }
        int group = g.group;
        accumulator.addParticipant(group);
        int outcomes = study.outcomes().size();
        for (int o = 0; o < outcomes; o++) {
            int score = r == null ? ParsedRow.EMPTY : r.scores[o];
            if (score > ParsedRow.OUTSIDE) {
                accumulator.add(group, o, score);
                continue;
            }
            accumulator.addMissing(group, o);
            if (score == ParsedRow.NOT_WHOLE) {
                issue(recordId(), study.outcomes().get(o).field(), r.badScores[o], "not a whole number: excluded; enter a score "
                        + study.scale().min() + "–" + study.scale().max() + " or leave it empty.");
            } else if (score == ParsedRow.OUTSIDE) {
                issue(recordId(), study.outcomes().get(o).field(), r.badScores[o], "outside the scale " + study.scale().min()
                        + "–" + study.scale().max() + ": excluded; correct the value.");
            }
        }
        for (int v = 0; v < study.demographics().size(); v++) {
            int from = rating >= 0 && !r.characteristicBlank[v] ? rating : PendingRows.firstNonBlankCharacteristic(pool, rows, v);
            ParsedRow c = from < 0 ? null : pool.get(from);
            byte state = c == null ? ParsedRow.MISSING : c.characteristicState[v];
            DemographicVariable variable = study.demographics().get(v);
            if (state == ParsedRow.VALUE) {
                if (variable.kind() == DemographicVariable.Kind.CATEGORICAL) {
                    accumulator.addCharacteristicChoice(group, v, c.characteristicChoice[v]);
                } else {
                    accumulator.addCharacteristic(group, v, c.characteristicValue[v]);
                }
                continue;
            }
            accumulator.addCharacteristicMissing(group, v);
            if (state == ParsedRow.BAD) {
                issue(recordId(), variable.field(), c.characteristicText[v], (variable.kind() == DemographicVariable.Kind.CATEGORICAL
                        ? "not one of the codes " + variable.choices().keySet() : "not a number") + ": excluded.");
            }
        }
        analysed++;
        progress.accept(records);
    }


    private String recordId() {
        return new String(pendingId, 0, pendingIdLength, StandardCharsets.UTF_8);
    }

    /** The row holding this record's ratings: chosen event, then instance policy, first with an answer; or -1. */
    private int ratingRow(int rows) {
        if (candidates.length < rows) {
            candidates = new int[rows * 2];
        }
        int n = 0;
        for (int k = 0; k < rows; k++) {
            ParsedRow p = pool.get(k);
            if ((loaded.event() == null || loaded.event().equals(p.event))
                    && (p.repeatInstrument.isEmpty() || loaded.ratingForms().contains(p.repeatInstrument))
                    && (repeatInstance == null || p.repeatInstance.isEmpty() || repeatInstance.equals(p.repeatInstance.trim()))) {
                // stable insertion by instance number
                int at = n++;
                int instance = PendingRows.instance(p.repeatInstance);
                while (at > 0 && PendingRows.instance(pool.get(candidates[at - 1]).repeatInstance) > instance) {
                    candidates[at] = candidates[at - 1];
                    at--;
                }
                candidates[at] = k;
            }
        }
        for (int i = 0; i < n; i++) {
            if (pool.get(candidates[i]).anyOutcome) {
                return candidates[i];
            }
        }
        return n == 0 ? -1 : candidates[0];
    }

    private void issue(String record, String field, String value, String problem) {
        issueCount++;
        if (issues.size() < MAX_KEPT_ISSUES) {
            issues.add(new LoadIssue(record, field, value, problem));
        }
    }
}

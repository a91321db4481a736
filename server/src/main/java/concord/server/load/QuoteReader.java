package concord.server.load;

import concord.analysis.CodedQuote;
import concord.analysis.Outcome;
import concord.connector.ExportColumns;
import concord.connector.ExportRow;
import concord.connector.FieldMetadata;
import concord.connector.RecordCsvScanner;
import concord.connector.RecordRowSink;
import concord.server.load.internal.Fingerprint;
import concord.server.load.internal.Texts;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads coded quotes from the instances of the qualitative instrument ({@link QualitativeInstrument}), from the API
 * (as a {@link RecordRowSink} of an export of {@link QualitativeInstrument#exportFields}) or from a REDCap CSV export
 * ({@link #read(Path, LoadedStudy, String, QualitativeInstrument)}). A row naming an unknown outcome field or group
 * code, with an empty quote or theme, or a speaker code that is not letters then digits is named as a
 * {@link LoadIssue} (record, field, value; the problem names the project and the instance) and left out. Quote
 * text is participant text: it is never part of an issue, a message or a log line.
 */
public final class QuoteReader implements RecordRowSink {
    /** Action tag naming an outcome's COMET core area: {@code @CONCORD-CORE-AREA="Life impact"}. */
    public static final String CORE_AREA_TAG = "@CONCORD-CORE-AREA";
    private static final Pattern SPEAKER_CODE = Pattern.compile("[A-Za-z]{1,4}[0-9]{1,6}");
    private static final Pattern SEPARATORS = Pattern.compile("[,;\\s]+");
    private static final int MAX_KEPT_ISSUES = 1000;

    private final LoadedStudy loaded;
    private final String projectId;
    private final QualitativeInstrument instrument;
    private final Set<String> outcomeFields;
    private final Map<String, String> groupCodes = new LinkedHashMap<>();
    private final List<CodedQuote> quotes = new ArrayList<>();
    private final Map<String, String> quotedCoreAreas = new LinkedHashMap<>();
    private final List<LoadIssue> issues = new ArrayList<>();
    private final MessageDigest sha = Fingerprint.sha256();
    private int issueCount;
    private int rows;
    private int[] cells = new int[0];
    private int recordId = -1;
    private int repeatInstrument = -1;
    private int repeatInstance = -1;

    public QuoteReader(LoadedStudy loaded, String projectId, QualitativeInstrument instrument) {
        this.loaded = loaded;
        this.projectId = projectId;
        this.instrument = instrument;
        this.outcomeFields = loaded.study().outcomes().stream().map(Outcome::field).collect(Collectors.toSet());
        loaded.study().groups().forEach(g -> groupCodes.put(g.code(), g.label()));
    }

    /** Reads the quotes of a REDCap record export file (the same export as the ratings, or one of the instrument alone). */
    public static QualitativeData read(Path file, LoadedStudy loaded, String projectId, QualitativeInstrument instrument)
            throws IOException {
        QuoteReader reader = new QuoteReader(loaded, projectId, instrument);
        try (RecordCsvScanner csv = RecordCsvScanner.open(file)) {
            csv.scan(csv.dataStart(), csv.size(), csv.firstDataLine(), reader);
        }
        return reader.finish();
    }

    @Override
    public void columns(ExportColumns columns) {
        recordId = columns.recordId();
        repeatInstrument = columns.repeatInstrument();
        repeatInstance = columns.repeatInstance();
        cells = new int[QualitativeInstrument.FIELDS.size()];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = columns.indexOf(QualitativeInstrument.FIELDS.get(i));
        }
    }

    @Override
    public void row(ExportRow row) {
        String form = row.text(repeatInstrument).trim();
        String[] v = new String[cells.length];
        boolean any = false;
        for (int i = 0; i < cells.length; i++) {
            v[i] = row.text(cells[i]).trim();
            any |= !v[i].isEmpty();
        }
        // another instrument's instance, or a base row without qualitative data (a non-repeating instrument's row has data)
        if (!form.isEmpty() && !form.equals(instrument.name()) || !any) {
            return;
        }
        String record = row.text(recordId);
        String instance = row.text(repeatInstance).trim();
        digest(record, instance, v);
        rows++;
        String theme = v[0];
        String outcomes = v[1];
        String group = v[2];
        String quote = v[3];
        String speaker = v[4];
        String where = "project " + projectId + ", " + instrument.name() + (instance.isEmpty() ? "" : " instance " + instance) + ": ";
        int before = issueCount;
        if (theme.isEmpty()) {
            issue(record, QualitativeInstrument.THEME, "", where + "no theme: the quote is left out; fill in the theme it was coded to.");
        }
        List<String> fields = new ArrayList<>();
        for (String f : SEPARATORS.split(outcomes)) {
            if (f.isEmpty()) {
                continue;
            }
            if (outcomeFields.contains(f)) {
                if (!fields.contains(f)) {
                    fields.add(f);
                }
            } else {
                issue(record, QualitativeInstrument.OUTCOMES, f, where + "not an outcome field of the study: the quote is left out; "
                        + "give the outcomes' field names (e.g. " + loaded.study().outcomes().get(0).field() + "), separated by commas.");
            }
        }
        if (outcomes.isEmpty()) {
            issue(record, QualitativeInstrument.OUTCOMES, "", where + "no outcome: the quote is left out; give the field names of "
                    + "the outcomes it concerns.");
        }
        if (!groupCodes.containsKey(group)) {
            issue(record, QualitativeInstrument.GROUP, group, where + (group.isEmpty() ? "no speaker group" : "not one of the group codes "
                    + groupCodes.keySet()) + ": the quote is left out; choose the speaker's stakeholder group.");
        }
        if (quote.isEmpty()) {
            issue(record, QualitativeInstrument.QUOTE, "", where + "no quote text: the instance is left out; enter the quote or delete the instance.");
        }
        if (!speaker.isEmpty() && !SPEAKER_CODE.matcher(speaker).matches()) {
            issue(record, QualitativeInstrument.SPEAKER, speaker, where + "not a speaker code (letters then digits, e.g. D7 or P27): "
                    + "the quote is left out; correct the code (never a name).");
        }
        if (issueCount > before) {
            return;
        }
        quotes.add(new CodedQuote(theme, fields, group, speaker, quote));
        String coreArea = v[5];
        if (!coreArea.isEmpty()) {
            fields.forEach(f -> quotedCoreAreas.putIfAbsent(f, coreArea));
        }
    }

    /** Ends the reading. */
    public QualitativeData finish() {
        Map<String, String> coreAreas = new LinkedHashMap<>();
        for (Outcome o : loaded.study().outcomes()) {
            FieldMetadata f = loaded.ratingFields().get(o.field());
            String tagged = f == null ? null : Texts.tagValue(f.fieldAnnotation(), CORE_AREA_TAG);
            String area = tagged != null && !tagged.isBlank() ? tagged.trim() : quotedCoreAreas.get(o.field());
            if (area != null) {
                coreAreas.put(o.field(), area);
            }
        }
        String digest = rows == 0 ? "" : HexFormat.of().formatHex(sha.digest());
        return new QualitativeData(instrument.name(), quotes, coreAreas, List.copyOf(issues), issueCount, rows, digest);
    }

    private void digest(String record, String instance, String[] values) {
        StringBuilder s = new StringBuilder(record).append('\u001f').append(instance);
        for (String value : values) {
            s.append('\u001f').append(value);
        }
        sha.update(s.append('\u001e').toString().getBytes(StandardCharsets.UTF_8));
    }

    private void issue(String record, String field, String value, String problem) {
        issueCount++;
        if (issues.size() < MAX_KEPT_ISSUES) {
            issues.add(new LoadIssue(record, field, value, problem));
        }
    }
}

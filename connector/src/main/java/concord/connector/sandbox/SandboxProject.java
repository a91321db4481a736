package concord.connector.sandbox;

import concord.connector.sandbox.internal.ArmDef;
import concord.connector.sandbox.internal.Dictionary;
import concord.connector.sandbox.internal.DictionaryCsvReader;
import concord.connector.sandbox.internal.EventDef;
import concord.connector.sandbox.internal.FieldDef;
import concord.connector.sandbox.internal.OdmReader;
import concord.connector.sandbox.internal.ProjectData;
import concord.connector.sandbox.internal.RecordEntry;
import concord.connector.sandbox.internal.RecordRow;
import concord.connector.sandbox.internal.RecordSeeder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * One REDCap project held by a {@link RedcapSandbox}: its design (data dictionary, events, arms, repeating setup,
 * data access groups) and its records. Seed it from REDCap's own files, or generate one for benchmarks, then
 * {@link RedcapSandbox#addProject add} it to a sandbox.
 */
public final class SandboxProject {
    private final ProjectData data;

    private SandboxProject(ProjectData data) {
        this.data = data;
    }

    static SandboxProject wrap(ProjectData data) {
        return new SandboxProject(data);
    }

    ProjectData data() {
        return data;
    }

    /**
     * A classic project from a data dictionary CSV (REDCap's UI headers or the API's {@code field_name} headers,
     * with or without a BOM) and an optional flat record export CSV (raw values). Instruments named in the
     * export's {@code redcap_repeat_instrument} column become repeating instruments.
     */
    public static SandboxProject fromDictionaryCsv(String title, String dictionaryCsv, String recordsCsv) {
        Dictionary dictionary = DictionaryCsvReader.read(dictionaryCsv, "the data dictionary of '" + title + "'");
        ProjectData p = new ProjectData(title, dictionary, List.of(), List.of(), Map.of(),
                recordsCsv == null ? List.of() : RecordSeeder.repeatingInstruments(recordsCsv));
        if (recordsCsv != null) {
            RecordSeeder.seedCsv(p, recordsCsv, "the records of '" + title + "'");
        }
        return new SandboxProject(p);
    }

    /** {@link #fromDictionaryCsv(String, String, String)} from files; {@code records} may be null. */
    public static SandboxProject fromDictionaryCsv(Path dictionary, Path records) {
        return fromDictionaryCsv(dictionary.getFileName().toString().replaceFirst("\\.csv$", ""), read(dictionary),
                records == null ? null : read(records));
    }

    /** A project from REDCap's CDISC ODM export ({@code project.xml}): design, events, arms, DAGs and records. */
    public static SandboxProject fromOdm(byte[] projectXml, String sourceName) {
        return new SandboxProject(OdmReader.read(projectXml, sourceName));
    }

    public static SandboxProject fromOdm(Path projectXml) {
        try {
            return fromOdm(Files.readAllBytes(projectXml), projectXml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + projectXml + ": " + e.getMessage(), e);
        }
    }

    /**
     * A project from a folder as REDCapR's test projects ship: {@code dictionary.csv} and {@code data.csv} (the
     * records exactly as REDCap exported them), with events, arms, form-event mapping, repeating setup and DAGs from
     * {@code project.xml}. Without a dictionary or with an empty {@code data.csv}, the whole project comes from
     * {@code project.xml}.
     */
    public static SandboxProject fromFixtureDirectory(Path dir) {
        Path xml = dir.resolve("project.xml");
        Path dictionary = find(dir, "dictiona");
        Path records = dir.resolve("data.csv");
        boolean hasRecords = Files.exists(records) && !read(records).isBlank();
        if (dictionary == null || !hasRecords) {
            if (!Files.exists(xml)) {
                throw new IllegalArgumentException(dir + " has neither a data dictionary with data.csv nor a project.xml to seed from.");
            }
            return fromOdm(xml);
        }
        Dictionary dict = DictionaryCsvReader.read(read(dictionary), dictionary.toString());
        ProjectData design = Files.exists(xml) ? fromOdm(xml).data : null;
        String title = design == null ? dir.getFileName().toString() : design.title();
        ProjectData p = design == null ? new ProjectData(title, dict, List.of(), List.of(), Map.of(), RecordSeeder.repeatingInstruments(read(records)))
                : new ProjectData(title, dict, design.events(), design.arms(), design.formEventMapping(), design.repeating());
        if (design != null) {
            design.dags().forEach(d -> p.addDag(d.label(), d.uniqueName()));
        }
        RecordSeeder.seedCsv(p, read(records), records.toString());
        return new SandboxProject(p);
    }

    /**
     * A generated classic project for load tests: form {@code participant} with {@code record_id} and
     * {@code group} (radio 1–3), and form {@code ratings} with {@code fieldCount} radio fields {@code q1…} on the
     * 1–9 scale, all complete. Values come from {@code seed}, so the same arguments give the same project.
     */
    public static SandboxProject generated(String title, int recordCount, int fieldCount, long seed) {
        List<FieldDef> fields = new ArrayList<>();
        fields.add(field("record_id", "participant", "text", "Record ID", ""));
        fields.add(field("group", "participant", "radio", "Stakeholder group", "1, Patient | 2, Clinician | 3, Researcher"));
        String scale = "1, 1 Not important | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9 Critical";
        for (int i = 1; i <= fieldCount; i++) {
            fields.add(field("q" + i, "ratings", "radio", "Outcome " + i, scale));
        }
        Dictionary dictionary = new Dictionary(fields, List.of());
        ProjectData p = new ProjectData(title, dictionary, List.of(), List.of(), Map.of(), List.of());
        Random random = new Random(seed);
        String[] digits = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
        int width = dictionary.columns().size();
        int group = dictionary.index("group");
        int participantComplete = dictionary.index("participant_complete");
        int first = dictionary.index("q1");
        int ratingsComplete = dictionary.index("ratings_complete");
        for (int r = 1; r <= recordCount; r++) {
            RecordEntry entry = p.recordOrCreate(String.valueOf(r));
            RecordRow row = entry.rowOrCreate(null, "", 0, width);
            row.set(group, digits[1 + random.nextInt(3)]);
            row.set(participantComplete, "2");
            for (int i = 0; i < fieldCount; i++) {
                row.set(first + i, digits[1 + random.nextInt(9)]);
            }
            row.set(ratingsComplete, "2");
        }
        return new SandboxProject(p);
    }

    private static FieldDef field(String name, String form, String type, String label, String choices) {
        List<String> cells = new ArrayList<>(List.of(name, form, "", type, label, choices));
        return FieldDef.of(cells);
    }

    private static Path find(Path dir, String prefix) {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix) && f.toString().endsWith(".csv")).sorted()
                    .findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Saves a report, as a user builds one on REDCap's "My Reports &amp; Exports" page: its fields (in order; the
     * record ID is always exported first) and optional filter logic (the subset of REDCap logic
     * {@code filterLogic} understands). {@code content=report&report_id=…} exports it.
     *
     * @return the report's {@code report_id}, unique within the JVM
     */
    public int addReport(String title, List<String> fields, String filterLogic) {
        for (String f : fields) {
            if (data.dictionary().field(f) == null && data.dictionary().index(f) < 0) {
                throw new IllegalArgumentException("Report '" + title + "' names field '" + f + "', which project '" + data.title() + "' lacks.");
            }
        }
        int id = NEXT_REPORT_ID.getAndIncrement();
        data.addReport(new concord.connector.sandbox.internal.ReportDef(id, title, fields, filterLogic));
        return id;
    }

    private static final java.util.concurrent.atomic.AtomicInteger NEXT_REPORT_ID = new java.util.concurrent.atomic.AtomicInteger(101);

    /** The project id, assigned when the project is added to a sandbox (0 before). */
    public int projectId() {
        return data.projectId();
    }

    public String title() {
        return data.title();
    }

    public boolean isLongitudinal() {
        return !data.events().isEmpty();
    }

    /** Unique event names in project order (empty for classic projects). */
    public List<String> eventNames() {
        return data.events().stream().map(EventDef::uniqueEventName).toList();
    }

    public List<Integer> armNumbers() {
        return data.arms().stream().map(ArmDef::armNum).toList();
    }

    /** Unique names of the data access groups. */
    public List<String> dataAccessGroups() {
        return data.dags().stream().map(d -> d.uniqueName()).toList();
    }

    /**
     * Adds a data access group and returns its unique name: the label lower-cased, spaces as underscores, other
     * characters dropped ("Site A" → {@code site_a}), as REDCap names them.
     */
    public String addDataAccessGroup(String label) {
        return data.addDag(label, OdmReader.uniqueName(label)).uniqueName();
    }

    /** Moves a record into a data access group (its unique name), or out of any with null. */
    public SandboxProject assignRecordToDataAccessGroup(String record, String uniqueGroupName) {
        data.lock().writeLock().lock();
        try {
            RecordEntry entry = data.records().get(record);
            if (entry == null) {
                throw new IllegalArgumentException("Project '" + data.title() + "' has no record '" + record + "'.");
            }
            if (uniqueGroupName != null && data.dag(uniqueGroupName) == null) {
                throw new IllegalArgumentException("Project '" + data.title() + "' has no data access group '" + uniqueGroupName + "'.");
            }
            entry.setDag(uniqueGroupName);
        } finally {
            data.lock().writeLock().unlock();
        }
        return this;
    }

    /** The Data Entry Trigger URL the sandbox posts to on form saves; null turns the trigger off. */
    public SandboxProject dataEntryTrigger(URI url) {
        data.setDataEntryTriggerUrl(url);
        return this;
    }

    public int recordCount() {
        data.lock().readLock().lock();
        try {
            return data.records().size();
        } finally {
            data.lock().readLock().unlock();
        }
    }

    /** Record names in the order exports list them. */
    public List<String> recordIds() {
        data.lock().readLock().lock();
        try {
            return List.copyOf(data.records().keySet());
        } finally {
            data.lock().readLock().unlock();
        }
    }

    /**
     * The raw values of a record's base row (first event, no repeat instance) by export column, blanks included;
     * empty if there is no such record.
     */
    public Map<String, String> values(String record) {
        data.lock().readLock().lock();
        try {
            RecordEntry entry = data.records().get(record);
            Map<String, String> out = new LinkedHashMap<>();
            if (entry == null || entry.rows().isEmpty()) {
                return out;
            }
            RecordRow row = entry.rows().get(0);
            List<String> columns = data.dictionary().columns();
            for (int i = 0; i < columns.size(); i++) {
                out.put(columns.get(i), row.get(i));
            }
            return out;
        } finally {
            data.lock().readLock().unlock();
        }
    }

    /** Field names of the data dictionary in order, the record-ID field first. */
    public List<String> fieldNames() {
        return data.dictionary().fields().stream().map(FieldDef::fieldName).toList();
    }

    @Override
    public String toString() {
        return "SandboxProject[" + data.projectId() + " '" + data.title() + "', " + recordCount() + " records]";
    }
}

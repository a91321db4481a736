package concord.connector.sandbox.internal;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Everything the sandbox knows about one project: design (dictionary, events, arms, mappings, repeating
 * setup, DAGs) and data (records, uploaded files, File Repository). Callers hold {@link #lock()}.
 */
public final class ProjectData {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile Dictionary dictionary;
    private final List<EventDef> events;
    private final List<ArmDef> arms;
    private final Map<String, List<String>> formEventMapping;
    private final List<RepeatSetting> repeating;
    private final List<DagDef> dags = new ArrayList<>();
    private final Set<String> surveyForms = new LinkedHashSet<>();
    private final Map<String, RecordEntry> records = new LinkedHashMap<>();
    private final Map<String, StoredFile> files = new HashMap<>();
    private final FileRepositoryStore fileRepository = new FileRepositoryStore();
    private long recordsCreated;
    private volatile int projectId;
    private volatile String title;
    private volatile URI dataEntryTriggerUrl;
    private volatile boolean repeatColumnsSeen;
    private volatile Clock clock = Clock.systemUTC();
    private final ProjectLog log = new ProjectLog(this::now);
    private final Map<Integer, ReportDef> reports = new java.util.concurrent.ConcurrentHashMap<>();
    private final Instant created = Instant.now();

    public ProjectData(String title, Dictionary dictionary, List<EventDef> events, List<ArmDef> arms,
                       Map<String, List<String>> formEventMapping, List<RepeatSetting> repeating) {
        this.title = title;
        this.dictionary = dictionary;
        this.events = List.copyOf(events);
        this.arms = List.copyOf(arms);
        this.formEventMapping = new LinkedHashMap<>(formEventMapping);
        this.repeating = List.copyOf(repeating);
    }

    public ReadWriteLock lock() {
        return lock;
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    /**
     * A new data dictionary, as a designer uploads one. Stored values follow their field names into the new
     * column layout; values of fields the new dictionary lacks are dropped. Callers hold the write lock.
     */
    public void replaceDictionary(Dictionary replacement) {
        Dictionary old = dictionary;
        for (RecordEntry entry : records.values()) {
            List<RecordRow> rows = entry.rows();
            for (int r = 0; r < rows.size(); r++) {
                RecordRow before = rows.get(r);
                RecordRow after = new RecordRow(before.event(), before.repeatInstrument(), before.instance(),
                        replacement.columns().size());
                for (String column : replacement.columns()) {
                    int from = old.index(column);
                    if (from >= 0) {
                        after.set(replacement.index(column), before.get(from));
                    }
                }
                before.copyExtrasTo(after);
                rows.set(r, after);
            }
        }
        this.dictionary = replacement;
    }

    public boolean isLongitudinal() {
        return !events.isEmpty();
    }

    public List<EventDef> events() {
        return events;
    }

    public List<ArmDef> arms() {
        return arms;
    }

    public EventDef event(String uniqueName) {
        for (EventDef e : events) {
            if (e.uniqueEventName().equals(uniqueName)) {
                return e;
            }
        }
        return null;
    }

    public int eventOrder(String uniqueName) {
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).uniqueEventName().equals(uniqueName)) {
                return i;
            }
        }
        return -1;
    }

    /** Forms designated for each event (longitudinal projects only). */
    public Map<String, List<String>> formEventMapping() {
        return formEventMapping;
    }

    public boolean formInEvent(String form, String event) {
        return event == null || formEventMapping.getOrDefault(event, List.of()).contains(form);
    }

    public List<RepeatSetting> repeating() {
        return repeating;
    }

    /** Whether exports carry {@code redcap_repeat_instrument}/{@code _instance} columns. */
    public boolean hasRepeating() {
        return !repeating.isEmpty() || repeatColumnsSeen;
    }

    /**
     * Records that a seeded export had repeat columns, so exports keep them even when no repeating instrument is
     * known (a dictionary CSV does not carry the repeating setup).
     */
    public void markRepeatColumns() {
        repeatColumnsSeen = true;
    }

    public boolean isRepeatingForm(String event, String form) {
        return repeating.stream().anyMatch(r -> r.form().equals(form) && java.util.Objects.equals(r.event(), event));
    }

    public boolean isRepeatingEvent(String event) {
        return event != null && repeating.stream().anyMatch(r -> r.form().isEmpty() && event.equals(r.event()));
    }

    /**
     * The row a save writes to, and the record's base row of that event when REDCap would have one: REDCap stores
     * the record ID field on the event's base instance whenever it saves a repeating-instrument instance, so a
     * record created by repeating rows alone still exports a base row (record ID, blanks, statuses 0), unless the
     * event repeats as a whole or the record ID's own instrument repeats. Callers hold the write lock.
     */
    public RecordRow rowForSave(RecordEntry entry, String event, String repeatInstrument, int instance) {
        int width = dictionary.columns().size();
        if (!repeatInstrument.isEmpty() && !isRepeatingEvent(event)
                && !isRepeatingForm(event, dictionary.formOf(dictionary.recordIdName()))) {
            entry.rowOrCreate(event, "", 0, width);
        }
        return entry.rowOrCreate(event, repeatInstrument, instance, width);
    }

    public void addReport(ReportDef report) {
        reports.put(report.reportId(), report);
    }

    public ReportDef report(int reportId) {
        return reports.get(reportId);
    }

    public ProjectLog log() {
        return log;
    }

    public List<DagDef> dags() {
        return dags;
    }

    public DagDef dag(String uniqueName) {
        return dags.stream().filter(d -> d.uniqueName().equals(uniqueName)).findFirst().orElse(null);
    }

    /** Adds a data access group unless one with this unique name exists; ids start at 1. */
    public DagDef addDag(String label, String uniqueName) {
        DagDef existing = dag(uniqueName);
        if (existing != null) {
            return existing;
        }
        DagDef d = new DagDef(label, uniqueName, dags.size() + 1);
        dags.add(d);
        return d;
    }

    public Set<String> surveyForms() {
        return surveyForms;
    }

    public Map<String, RecordEntry> records() {
        return records;
    }

    public RecordEntry recordOrCreate(String id) {
        return records.computeIfAbsent(id, k -> new RecordEntry(k, now(), ++recordsCreated));
    }

    /**
     * The named records that exist, in the order {@link #records()} lists them (creation order), found by key
     * rather than by a walk over the whole project: a batched export asks for 500 of 100,000 records at a time.
     */
    public List<RecordEntry> recordsNamed(Collection<String> ids) {
        List<RecordEntry> found = new ArrayList<>(ids.size());
        for (String id : ids) {
            RecordEntry r = records.get(id);
            if (r != null) {
                found.add(r);
            }
        }
        found.sort(Comparator.comparingLong(RecordEntry::ordinal));
        return found;
    }

    /** Renames a record in place (same position in the record order), with its uploaded files. Callers hold the write lock. */
    public void renameRecord(String oldId, String newId) {
        Map<String, RecordEntry> reordered = new LinkedHashMap<>();
        records.forEach((id, entry) -> {
            RecordEntry kept = id.equals(oldId) ? entry.renamed(newId, now()) : entry;
            reordered.put(kept.id(), kept);
        });
        records.clear();
        records.putAll(reordered);
        String prefix = oldId + '\u0000';
        Map<String, StoredFile> moved = new LinkedHashMap<>();
        files.keySet().removeIf(k -> {
            if (k.startsWith(prefix)) {
                moved.put(newId + k.substring(oldId.length()), files.get(k));
                return true;
            }
            return false;
        });
        files.putAll(moved);
    }

    public Map<String, StoredFile> files() {
        return files;
    }

    public static String fileKey(String record, String event, String field, int instance) {
        return record + '\u0000' + (event == null ? "" : event) + '\u0000' + field + '\u0000' + instance;
    }

    public FileRepositoryStore fileRepository() {
        return fileRepository;
    }

    public int projectId() {
        return projectId;
    }

    public void setProjectId(int projectId) {
        this.projectId = projectId;
    }

    public String title() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public URI dataEntryTriggerUrl() {
        return dataEntryTriggerUrl;
    }

    public void setDataEntryTriggerUrl(URI url) {
        this.dataEntryTriggerUrl = url;
    }

    public Instant created() {
        return created;
    }

    public Instant now() {
        return clock.instant();
    }

    public void setClock(Clock clock) {
        this.clock = clock;
    }
}

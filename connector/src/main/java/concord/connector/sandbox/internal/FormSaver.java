package concord.connector.sandbox.internal;

import concord.connector.sandbox.FormSave;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Saves a data-entry form as the REDCap UI does, then fires the project's Data Entry Trigger: one best-effort,
 * unauthenticated, form-encoded POST to the URL configured on the project (never one taken from a request).
 */
public final class FormSaver {
    private static final Logger LOG = Logger.getLogger(FormSaver.class.getName());
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private FormSaver() {
    }

    /** Saves and fires the trigger; returns the receiver's HTTP status, empty if none is configured or it failed. */
    public static OptionalInt save(SandboxState state, ProjectData project, FormSave save) {
        Dictionary d = project.dictionary();
        if (!d.hasForm(save.instrument())) {
            throw new IllegalArgumentException("Project " + project.projectId() + " has no instrument '" + save.instrument()
                    + "'; instruments: " + d.formNames());
        }
        String event = project.isLongitudinal() ? save.event() : null;
        if (project.isLongitudinal() && (event == null || !project.formInEvent(save.instrument(), event))) {
            throw new IllegalArgumentException("Instrument '" + save.instrument() + "' is not designated for event '" + event
                    + "' in project " + project.projectId() + "; pass one of its events with FormSave.withEvent.");
        }
        boolean repeatingForm = project.isRepeatingForm(event, save.instrument());
        boolean repeating = repeatingForm || project.isRepeatingEvent(event);
        String dag;
        project.lock().writeLock().lock();
        try {
            for (Map.Entry<String, String> e : save.values().entrySet()) {
                String form = d.formOf(e.getKey());
                if (d.index(e.getKey()) <= 0 || !save.instrument().equals(form) || d.isCompleteColumn(e.getKey())) {
                    throw new IllegalArgumentException("Field '" + e.getKey() + "' is not a data field of instrument '" + save.instrument()
                            + "'; set the status with FormSave.withStatus.");
                }
                if (!e.getValue().isEmpty() && ValueValidator.check(d, e.getKey(), e.getValue()) != null) {
                    throw new IllegalArgumentException("Value '" + e.getValue() + "' of field '" + e.getKey() + "' is not valid: "
                            + ValueValidator.check(d, e.getKey(), e.getValue()));
                }
            }
            RecordEntry entry = project.recordOrCreate(save.record());
            RecordRow row = project.rowForSave(entry, event, repeatingForm ? save.instrument() : "", repeating ? save.instance() : 0);
            save.values().forEach((k, v) -> row.set(d.index(k), v));
            row.set(d.index(save.instrument() + "_complete"), String.valueOf(save.status()));
            RecordImporter.fillDefaults(d, row, java.util.Set.of(save.instrument()));
            entry.touch(project.now());
            dag = entry.dag();
        } finally {
            project.lock().writeLock().unlock();
        }
        URI url = project.dataEntryTriggerUrl();
        if (url == null) {
            return OptionalInt.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("redcap_url", state.baseUrl());
        fields.put("project_url", state.projectUrl(project));
        fields.put("project_id", String.valueOf(project.projectId()));
        fields.put("username", save.username());
        fields.put("record", save.record());
        fields.put("instrument", save.instrument());
        if (event != null) {
            fields.put("redcap_event_name", event);
        }
        if (dag != null) {
            fields.put("redcap_data_access_group", dag);
        }
        if (repeating) {
            fields.put("redcap_repeat_instance", String.valueOf(save.instance()));
        }
        if (repeatingForm) {
            fields.put("redcap_repeat_instrument", save.instrument());
        }
        fields.put(save.instrument() + "_complete", String.valueOf(save.status()));
        return post(url, fields);
    }

    private static OptionalInt post(URI url, Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        HttpRequest request = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(String.join("&", pairs))).build();
        try {
            return OptionalInt.of(HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            LOG.log(Level.INFO, "Data Entry Trigger to {0} failed: {1}", new Object[] {url.getHost(), e.toString()});
            return OptionalInt.empty();
        }
    }
}

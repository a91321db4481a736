package concord.server.publish;

import concord.connector.DataAccessGroup;
import concord.connector.FileFieldLocation;
import concord.connector.RecordQuery;
import concord.connector.RedcapAccessDeniedException;
import concord.connector.RedcapClient;
import concord.connector.RedcapException;
import concord.connector.RedcapFile;
import concord.connector.RedcapRecord;
import concord.connector.RepositoryEntry;
import concord.server.config.ProjectConfiguration.PublishConfiguration.ResultsTarget;
import concord.server.run.RunArtifact;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Puts a run's results into REDCap, all or nothing from the user's point of view:
 * <ol>
 *   <li>find the File Repository folder by name (create it the first time); a data access group's run uses
 *       the sub-folder named after the group (its unique name) inside it, restricted to that group;</li>
 *   <li>delete files an earlier attempt of the same run left there (it died while uploading), so a
 *       taken-over run ends with one copy of each file, and files of runs that ended without publishing
 *       ({@link PublishRequest#abandonedRun}), so the folder holds files of published runs only;</li>
 *   <li>upload every file under a dated name ({@code clbpoq-2026-03-02-run12-report.pdf});</li>
 *   <li>optionally replace the PDF in a file-upload field (the previous file is kept to restore);</li>
 *   <li>import the results record last: it is what dashboards read, so it changes only when all else worked;
 *       then delete the outcome and group instances an earlier run with more outcomes or groups left above
 *       this run's counts (needs the Delete Record right).</li>
 * </ol>
 * On any failure the files this run uploaded are deleted again and the PDF field restored, so the
 * previous run's report stays the newest one; the exception carries REDCap's error text. Every step is
 * safe to repeat for the same run, which is what a take-over after a lost lease does.
 */
public final class Publisher {
    private static final Logger LOG = LoggerFactory.getLogger(Publisher.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

    public PublishReceipt publish(PublishRequest request) {
        RedcapClient study = request.study();
        DataAccessGroup group = request.group();
        String folderName = request.config().folder() + (group == null ? "" : "/" + group.uniqueGroupName());
        List<String> uploaded = new ArrayList<>();
        long folderId = -1;
        RedcapFile previousPdf = null;
        boolean pdfReplaced = false;
        String step = "finding the File Repository folder '" + folderName + "'";
        String fix = "";
        try {
            folderId = findOrCreateFolder(study, request.config().folder());
            if (group != null) {
                folderId = findOrCreateGroupFolder(study, folderId, request.config().folder(), group);
            }
            step = "removing files of an earlier attempt of run " + request.runId() + " or of abandoned runs from the folder '"
                    + folderName + "'";
            removeLeftovers(request, folderId);
            for (RunArtifact file : request.files()) {
                String name = datedName(request, file.name());
                step = "uploading " + name + " to the File Repository folder '" + folderName + "'";
                study.importRepositoryFile(new RedcapFile(name, file.mediaType(), file.content()), folderId);
                uploaded.add(name);
            }
            String record = request.resultsRecord();
            RedcapClient resultsClient = request.config().results() == ResultsTarget.PROJECT ? request.results() : study;
            String pdfField = request.config().pdfField();
            Optional<RunArtifact> pdf = request.files().stream().filter(f -> f.name().endsWith(".pdf")).findFirst();
            boolean writePdf = record != null && resultsClient != null && pdfField != null && !pdfField.isBlank()
                    && pdf.isPresent();
            if (record != null && resultsClient != null && !request.resultsRows().isEmpty()) {
                // The record must exist before a file can be attached in every REDCap version.
                // Safe to repeat: a second attempt imports the same record ID with the same values,
                // and a normal (non-blank-overwriting) import of identical values leaves the record as it was.
                step = "writing the results record '" + record + "'";
                importResults(resultsClient, record, request.resultsRows());
                // After the import, never before: a failure here leaves the new instances plus stale ones,
                // never fewer results than before. Safe to repeat: the export shows what is still left.
                step = "removing instances of an earlier run with more outcomes or groups from the results record '"
                        + record + "'";
                fix = " Give the Concord API user the Delete Record right on the results project (REDCap → User Rights)"
                        + " and run again.";
                removeStaleInstances(resultsClient, record, request.resultsRows());
                fix = "";
            }
            if (writePdf) {
                FileFieldLocation location = FileFieldLocation.of(record, pdfField);
                step = "reading the current PDF in field '" + pdfField + "' of record '" + record + "'";
                previousPdf = FileFieldContent.exportIfPresent(resultsClient, location);
                step = "uploading the PDF into field '" + pdfField + "' of record '" + record + "'";
                // Safe to repeat: a file-upload field holds one file, importing replaces it.
                resultsClient.importFile(location, new RedcapFile(datedName(request, pdf.get().name()),
                        pdf.get().mediaType(), pdf.get().content()));
                pdfReplaced = true;
            }
            return new PublishReceipt(folderName, folderId, uploaded, record, writePdf ? pdfField : null);
        } catch (RuntimeException e) {
            String undo = undo(request, folderId, uploaded, previousPdf, pdfReplaced);
            String redcapText = e instanceof RedcapException re && re.redcapMessage() != null && !re.redcapMessage().isBlank()
                    ? re.redcapMessage() : e.getMessage();
            String sentence = redcapText != null && redcapText.endsWith(".") ? redcapText : redcapText + ".";
            String hint = e instanceof RedcapAccessDeniedException ? fix : "";
            throw new PublishException("Publishing failed while " + step + ": " + sentence + hint + " " + undo, e);
        }
    }

    private static void importResults(RedcapClient client, String record, List<Map<String, String>> rows) {
        String idField = client.recordIdField();
        List<Map<String, String>> withIds = new ArrayList<>();
        for (Map<String, String> values : rows) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put(idField, record);
            row.putAll(values);
            withIds.add(row);
        }
        client.importRecords(withIds);
    }

    /**
     * Deletes the {@code concord_outcome_results} and {@code concord_group_results} instances numbered above
     * this run's counts: an earlier run with more outcomes or groups left them, and REDCap's reports would show
     * them next to this run's results. Needs the Delete Record right.
     */
    static void removeStaleInstances(RedcapClient client, String record, List<Map<String, String>> rows) {
        Map<String, Integer> kept = new HashMap<>();
        kept.put(ResultsRecord.OUTCOME_INSTRUMENT, 0);
        kept.put(ResultsRecord.GROUP_INSTRUMENT, 0);
        for (Map<String, String> row : rows) {
            kept.computeIfPresent(row.getOrDefault("redcap_repeat_instrument", ""), (k, n) -> n + 1);
        }
        List<RedcapRecord> stale = new ArrayList<>();
        client.exportRecords(RecordQuery.all().withRecords(record)
                .withForms(ResultsRecord.OUTCOME_INSTRUMENT, ResultsRecord.GROUP_INSTRUMENT), r -> {
            Integer count = r.repeatInstrument() == null ? null : kept.get(r.repeatInstrument());
            if (count != null && record.equals(r.recordId()) && instance(r) > count) {
                stale.add(r);
            }
        });
        for (RedcapRecord r : stale) {
            LOG.info("Results record {}: deleting instance {} of {} left by an earlier run", record, r.repeatInstance(),
                    r.repeatInstrument());
            client.deleteRecordInstance(record, r.repeatInstrument(), r.eventName(), instance(r));
        }
    }

    private static int instance(RedcapRecord r) {
        try {
            return Integer.parseInt(r.repeatInstance().trim());
        } catch (RuntimeException e) {
            return 0; // not a numbered instance: nothing Concord wrote
        }
    }

    private static String undo(PublishRequest request, long folderId, List<String> uploaded, RedcapFile previousPdf,
                               boolean pdfReplaced) {
        List<String> left = new ArrayList<>();
        if (!uploaded.isEmpty()) {
            try {
                for (RepositoryEntry entry : request.study().listRepository(folderId)) {
                    if (!entry.folder() && uploaded.contains(entry.name())) {
                        try {
                            request.study().deleteRepositoryFile(entry.id());
                        } catch (RuntimeException e) {
                            left.add(entry.name());
                        }
                    }
                }
            } catch (RuntimeException e) {
                left.addAll(uploaded);
            }
        }
        if (pdfReplaced) {
            RedcapClient client = request.config().results() == ResultsTarget.PROJECT ? request.results() : request.study();
            FileFieldLocation location = FileFieldLocation.of(request.resultsRecord(), request.config().pdfField());
            try {
                if (previousPdf != null) {
                    client.importFile(location, previousPdf);
                } else {
                    client.deleteFile(location);
                }
            } catch (RuntimeException e) {
                left.add("the PDF in field " + request.config().pdfField());
            }
        }
        if (left.isEmpty()) {
            return uploaded.isEmpty() && !pdfReplaced ? "Nothing was changed in REDCap; the previous report is still the latest."
                    : "This run's uploads were removed again; the previous report is still the latest.";
        }
        LOG.warn("Project {} run {}: could not remove {} after a failed publication", request.projectId(),
                request.runId(), left);
        return "Could not remove " + left + " from REDCap: delete them by hand so the previous report is the latest.";
    }

    /**
     * A run taken over after its instance died (same run id, next attempt) may find files the killed attempt
     * uploaded; a run that failed after uploading (its lease expired while the database was unreachable, and
     * its triggers went to a queued run) may have left a whole report. Both are deleted so the folder ends with
     * one copy of each file and only files of published runs. Only this project's dated names match
     * ({@link #runOf}); other runs' and other projects' files are never touched.
     */
    private static void removeLeftovers(PublishRequest request, long folderId) {
        Map<Long, Boolean> abandoned = new java.util.HashMap<>();
        for (RepositoryEntry entry : request.study().listRepository(folderId)) {
            long run = entry.folder() ? -1 : runOf(entry.name(), request.projectId());
            if (run < 0) {
                continue;
            }
            if (run == request.runId()) {
                LOG.info("Project {} run {}: deleting {} left by an earlier attempt of this run", request.projectId(),
                        request.runId(), entry.name());
                request.study().deleteRepositoryFile(entry.id());
            } else if (abandoned.computeIfAbsent(run, request.abandonedRun()::test)) {
                LOG.info("Project {} run {}: deleting {} left by run {}, which ended without publishing", request.projectId(),
                        request.runId(), entry.name(), run);
                request.study().deleteRepositoryFile(entry.id());
            }
        }
    }

    static boolean isFileOfRun(String name, String projectId, long runId) {
        return runOf(name, projectId) == runId;
    }

    /**
     * The run id in a name built by {@link #datedName} for this project, on any day (a taken-over attempt may
     * run after midnight): {@code <project>-<yyyy-MM-dd>-run<id>-…}; -1 for any other name. The id is read up
     * to the dash, so {@code run9-} is run 9 and never run 19 or 91.
     */
    static long runOf(String name, String projectId) {
        String prefix = projectId + "-";
        int dateEnd = prefix.length() + 10;
        if (!name.startsWith(prefix) || !name.startsWith("-run", dateEnd)) {
            return -1;
        }
        int idStart = dateEnd + 4;
        int idEnd = idStart;
        while (idEnd < name.length() && Character.isDigit(name.charAt(idEnd))) {
            idEnd++;
        }
        if (idEnd == idStart || idEnd - idStart > 18 || idEnd + 1 >= name.length() || name.charAt(idEnd) != '-') {
            return -1;
        }
        try {
            DAY.parse(name.substring(prefix.length(), dateEnd));
            return Long.parseLong(name.substring(idStart, idEnd));
        } catch (DateTimeParseException e) {
            return -1;
        }
    }

    static long findOrCreateFolder(RedcapClient client, String name) {
        for (RepositoryEntry entry : client.listRepository()) {
            if (entry.folder() && entry.name().equals(name)) {
                return entry.id();
            }
        }
        return client.createFolder(name);
    }

    /**
     * The sub-folder of {@code parentId} named after the group's unique name and restricted to that group
     * (created the first time). A folder of that name without that restriction is never used: it would show
     * one group's results to others.
     */
    static long findOrCreateGroupFolder(RedcapClient client, long parentId, String parentName, DataAccessGroup group) {
        String name = group.uniqueGroupName();
        for (RepositoryEntry entry : client.listRepository(parentId)) {
            if (entry.folder() && entry.name().equals(name)) {
                if (!entry.dag().equals(name)) {
                    throw new IllegalStateException("the folder '" + parentName + "/" + name + "' exists but is "
                            + (entry.dag().isEmpty() ? "not restricted to a data access group"
                            : "restricted to data access group " + entry.dag())
                            + ", so other groups could see this group's results; in REDCap's File Repository restrict it to"
                            + " data access group " + name + " (or rename it) and run again");
                }
                return entry.id();
            }
        }
        return client.createFolder(name, parentId, group.id());
    }

    /** {@code <project>-<yyyy-MM-dd>-run<id>-<name>}: sorts by date, unique per run. */
    static String datedName(PublishRequest request, String name) {
        return request.projectId() + "-" + DAY.format(request.when()) + "-run" + request.runId() + "-" + name;
    }
}

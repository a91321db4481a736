package concord.server.config;

import io.micronaut.core.annotation.Nullable;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Where a run's results go back into REDCap; bound from {@code concord.projects.<id>.publish.*}.
 *
 * @param enabled        publish at all (false: results are kept in Concord's database only)
 * @param folder         File Repository folder created once and found again by this name
 * @param formats        report files to upload: any of html, pdf, xlsx, csv, json
 * @param results        where the {@code concord_results} records go: NONE, PROJECT (a separate results project) or RECORD (a dedicated record of the study project)
 * @param resultsApiUrl  API URL of the results project (default: the study project's URL)
 * @param resultsToken   API token of the results project
 * @param resultsRecord  record ID used in the study project when {@code results=RECORD} (always excluded from analysis)
 * @param pdfField       file-upload field receiving the PDF (in the results record); blank: none
 */
public record PublishConfiguration(
        boolean enabled,
        String folder,
        List<String> formats,
        ResultsTarget results,
        @Nullable URI resultsApiUrl,
        @Nullable String resultsToken,
        @Nullable String resultsRecord,
        @Nullable String pdfField) {

    public static final List<String> ALL_FORMATS = List.of("html", "pdf", "xlsx", "csv", "json");

    /** Where the results records are written. */
    public enum ResultsTarget { NONE, PROJECT, RECORD }

    public PublishConfiguration {
        folder = folder == null || folder.isBlank() ? "Concord reports" : folder.trim();
        formats = formats == null || formats.isEmpty() ? ALL_FORMATS
                : formats.stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
        for (String format : formats) {
            if (!ALL_FORMATS.contains(format)) {
                throw new IllegalArgumentException("publish.formats: unknown format '" + format
                        + "'; use any of " + ALL_FORMATS);
            }
        }
        results = results == null ? ResultsTarget.NONE : results;
        if (results == ResultsTarget.RECORD && (resultsRecord == null || resultsRecord.isBlank())) {
            resultsRecord = "concord-results";
        }
    }

    public static PublishConfiguration defaults() {
        return new PublishConfiguration(true, null, null, ResultsTarget.NONE, null, null, null, null);
    }

    /** The record that holds results inside the study project, or null when results go elsewhere. */
    public String excludedStudyRecord() {
        return results == ResultsTarget.RECORD ? resultsRecord : null;
    }

    @Override
    public String toString() {
        return "PublishConfiguration[enabled=" + enabled + ", folder=" + folder + ", formats=" + formats
                + ", results=" + results + ", resultsApiUrl=" + resultsApiUrl + ", resultsToken="
                + (resultsToken == null ? "unset" : "***") + ", resultsRecord=" + resultsRecord
                + ", pdfField=" + pdfField + "]";
    }
}

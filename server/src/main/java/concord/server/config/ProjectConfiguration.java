package concord.server.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * One REDCap project Concord analyses, bound from {@code concord.projects.<id>.*}.
 *
 * <p>Every key can be overridden from the environment: {@code CONCORD_PROJECTS_<ID>_TOKEN} sets
 * {@code concord.projects.<id>.token}. The token and the DET secret never appear in
 * {@link #toString()}.
 *
 * @param id                 Concord's name for the project (the key under {@code concord.projects})
 * @param apiUrl             REDCap API endpoint, e.g. {@code https://redcap.example.org/api/}
 * @param token              API token of a user with export rights (and import/file-repository rights to publish)
 * @param redcapProjectId    REDCap's numeric {@code project_id}; Data Entry Triggers must carry it
 * @param title              optional display title (default: REDCap's project title)
 * @param groupField         field holding the stakeholder group (radio or dropdown); unset: the one field whose
 *                           Field Annotation carries the action tag {@code @CONCORD-GROUP}
 * @param outcomes           rating fields: one instrument name, a list of field names, or an action tag such as {@code @CONCORD-OUTCOME}
 * @param domains            where an outcome's domain comes from
 * @param demographicFields  fields summarised per group in the report
 * @param consensus          consensus rule, e.g. {@code 80/15} or {@code comet}
 * @param event              unique event name to read in longitudinal projects (default: the first event carrying the rating form)
 * @param repeatInstance     repeat instance to read for repeating forms/events (default: the first one present)
 * @param rounds             {@code events}: a Delphi study with one round per event carrying the rating form, in event order
 * @param roundField         a Delphi study whose round is the value of this field (radio or dropdown; its choices are the rounds)
 * @param detSecret          secret that the Data Entry Trigger URL must carry ({@code ?secret=})
 * @param schedule           cron expression for scheduled runs (blank: none)
 * @param publish            where results go back into REDCap
 * @param qualitative        the qualitative instrument whose coded quotes make the joint display
 * @param topicGuide         wording of the focus-group topic guide (format {@code topic-guide})
 * @param feedback           personal feedback to each participant of a Delphi round
 * @param reportLanguage     language of the run's reports and the dashboard: {@code en} (default) or {@code zh};
 *                           numbers are the same in every language, CSV and JSON stay English
 */
@EachProperty("concord.projects")
public record ProjectConfiguration(
        @Parameter String id,
        URI apiUrl,
        @Nullable String token,
        @Nullable Long redcapProjectId,
        @Nullable String title,
        @Nullable String groupField,
        @Bindable(defaultValue = "@CONCORD-OUTCOME") List<String> outcomes,
        @Bindable(defaultValue = "ANNOTATION") DomainSource domains,
        @Nullable List<String> demographicFields,
        @Bindable(defaultValue = "80/15") String consensus,
        @Nullable String event,
        @Nullable Integer repeatInstance,
        @Nullable String rounds,
        @Nullable String roundField,
        @Nullable String detSecret,
        @Nullable String schedule,
        @Nullable PublishConfiguration publish,
        @Nullable QualitativeConfiguration qualitative,
        @Nullable TopicGuideConfiguration topicGuide,
        @Nullable FeedbackConfiguration feedback,
        @Nullable String reportLanguage) {

    public ProjectConfiguration {
        outcomes = outcomes == null ? List.of("@CONCORD-OUTCOME") : List.copyOf(outcomes);
        demographicFields = demographicFields == null ? List.of() : List.copyOf(demographicFields);
        domains = domains == null ? DomainSource.ANNOTATION : domains;
        consensus = consensus == null || consensus.isBlank() ? "80/15" : consensus.trim();
        publish = publish == null ? PublishConfiguration.defaults() : publish;
        qualitative = qualitative == null ? new QualitativeConfiguration(null) : qualitative;
        feedback = feedback == null ? FeedbackConfiguration.defaults() : feedback;
        reportLanguage = language(id, reportLanguage);
        // the topic guide's wording follows the report language unless topic-guide.language is set
        topicGuide = topicGuide == null ? new TopicGuideConfiguration(reportLanguage, null)
                : topicGuide.language() == null ? new TopicGuideConfiguration(reportLanguage, topicGuide.template()) : topicGuide;
    }

    private static String language(String id, String language) {
        if (language == null || language.isBlank()) {
            return "en";
        }
        try {
            return concord.analysis.report.ReportMessages.forLanguage(language).language();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Project " + id + ": concord.projects." + id + ".report-language: "
                    + e.getMessage(), e);
        }
    }

    /** How the configured outcome list is to be read. */
    public OutcomeSelection outcomeSelection() {
        return OutcomeSelection.parse(outcomes);
    }

    /**
     * Where the rounds of a Delphi study are ({@code rounds}, {@code round-field}).
     *
     * @throws IllegalArgumentException naming the keys and what to write
     */
    public concord.server.load.RoundSource roundSource() {
        try {
            return concord.server.load.RoundSource.parse(rounds, roundField);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Project " + id + ": concord.projects." + id + "." + e.getMessage(), e);
        }
    }

    public String displayTitle() {
        return title == null || title.isBlank() ? id : title;
    }

    @Override
    public String toString() {
        return "ProjectConfiguration[id=" + id + ", apiUrl=" + apiUrl + ", redcapProjectId=" + redcapProjectId
                + ", groupField=" + groupField + ", outcomes=" + outcomes + ", domains=" + domains
                + ", consensus=" + consensus + ", event=" + event + ", repeatInstance=" + repeatInstance
                + (rounds == null ? "" : ", rounds=" + rounds) + (roundField == null ? "" : ", roundField=" + roundField)
                + ", token=" + (token == null ? "unset" : "***") + ", detSecret=" + (detSecret == null ? "unset" : "***")
                + ", schedule=" + schedule + ", publish=" + publish + ", qualitative=" + qualitative
                + ", topicGuide=" + topicGuide + (feedback.enabled() ? ", feedback=" + feedback : "")
                + ("en".equals(reportLanguage) ? "" : ", reportLanguage=" + reportLanguage) + "]";
    }

    /**
     * Bound from {@code concord.projects.<id>.qualitative.*} (docs/service.md, "Qualitative data").
     *
     * @param instrument the repeating instrument with the coded quotes; default {@code qualitative_data}, read when the
     *                   data dictionary has it; {@code none}: never read
     */
    @ConfigurationProperties("qualitative")
    public record QualitativeConfiguration(@Nullable String instrument) {
        public QualitativeConfiguration {
            instrument = instrument == null || instrument.isBlank() ? concord.server.load.QualitativeInstrument.DEFAULT_NAME
                    : instrument.trim();
        }
    }

    /**
     * Bound from {@code concord.projects.<id>.topic-guide.*}.
     *
     * @param language the shipped wording: {@code en} or {@code zh}; default the project's {@code report-language}
     * @param template a project's own template file (UTF-8 properties, docs/reports.md); wins over the language
     */
    @ConfigurationProperties("topic-guide")
    public record TopicGuideConfiguration(@Nullable String language, @Nullable String template) {
        public TopicGuideConfiguration {
            language = language == null || language.isBlank() ? null : language.trim(); // null: the report language
            template = template == null || template.isBlank() ? null : template.trim();
        }

        /**
         * The wording to use.
         *
         * @throws IllegalArgumentException naming the language or the file and its problems
         */
        public concord.analysis.report.TopicGuideTemplate resolve() {
            return template != null ? concord.analysis.report.TopicGuideTemplate.load(java.nio.file.Path.of(template))
                    : concord.analysis.report.TopicGuideTemplate.forLanguage(language);
        }
    }

    /**
     * Personal feedback for the participants of a Delphi round, published after the reports; bound from
     * {@code concord.projects.<id>.feedback.*}.
     *
     * @param enabled      publish feedback at all (the project must be a Delphi study)
     * @param fileField    file-upload field of each participant's record receiving their PDF; {@code {round}} stands
     *                     for the round number
     * @param minGroupSize smallest group (and number of answers to an outcome) whose distribution is shown
     */
    @ConfigurationProperties("feedback")
    public record FeedbackConfiguration(
            @Bindable(defaultValue = "false") boolean enabled,
            @Nullable String fileField,
            @Nullable Integer minGroupSize) {

        public static final String DEFAULT_FILE_FIELD = "concord_feedback_r{round}";
        public static final int DEFAULT_MIN_GROUP_SIZE = 5;

        public FeedbackConfiguration {
            fileField = fileField == null || fileField.isBlank() ? DEFAULT_FILE_FIELD : fileField.trim();
            minGroupSize = minGroupSize == null ? DEFAULT_MIN_GROUP_SIZE : minGroupSize;
            if (minGroupSize < 1) {
                throw new IllegalArgumentException("feedback.min-group-size must be at least 1, got " + minGroupSize);
            }
        }

        public static FeedbackConfiguration defaults() {
            return new FeedbackConfiguration(false, null, null);
        }
    }

    /**
     * Where a run's results go back into REDCap; bound from {@code concord.projects.<id>.publish.*}.
     *
     * @param enabled        publish at all (false: results are kept in Concord's database only)
     * @param folder         File Repository folder created once and found again by this name
     * @param formats        report files to upload: any of html, pdf, docx, xlsx, csv, json, topic-guide (topic-guide.html and .docx)
     * @param results        where the {@code concord_results} records go: NONE, PROJECT (a separate results project) or RECORD (a dedicated record of the study project)
     * @param resultsApiUrl  API URL of the results project (default: the study project's URL)
     * @param resultsToken   API token of the results project
     * @param resultsRecord  record ID used in the study project when {@code results=RECORD} (always excluded from analysis)
     * @param pdfField       file-upload field receiving the PDF (in the results record); blank: none
     * @param dashboardUrl   link written into the results record ({@code concord_dashboard_url}); blank: none
     */
    @ConfigurationProperties("publish")
    public record PublishConfiguration(
            @Bindable(defaultValue = "true") boolean enabled,
            @Nullable String folder,
            @Nullable List<String> formats,
            @Nullable ResultsTarget results,
            @Nullable URI resultsApiUrl,
            @Nullable String resultsToken,
            @Nullable String resultsRecord,
            @Nullable String pdfField,
            @Nullable String dashboardUrl) {

        public static final List<String> ALL_FORMATS = List.of("html", "pdf", "docx", "xlsx", "csv", "json", "topic-guide");

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
            return new PublishConfiguration(true, null, null, ResultsTarget.NONE, null, null, null, null, null);
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
                    + ", pdfField=" + pdfField + ", dashboardUrl=" + dashboardUrl + "]";
        }
    }
}

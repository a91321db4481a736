package concord.server.publish;

import concord.analysis.StudyResult;
import concord.analysis.report.ReportContext;
import concord.connector.FieldMetadata;
import concord.connector.FormEventMapping;
import concord.server.load.ParticipantRatings;
import concord.server.load.StudyRounds;

import java.util.List;
import java.util.Objects;

/**
 * Everything {@link FeedbackPublisher#prepare} needs for one run.
 *
 * @param projectId         Concord project id (messages, file names)
 * @param fileFieldTemplate the file-upload field receiving the PDF; {@code {round}} stands for the round number
 * @param minimumGroupSize  smallest group (and number of answers) whose distribution is shown
 * @param result            the run's result, with {@link StudyResult#delphi()} present
 * @param participants      every participant's latest answered round, from the feed
 * @param rounds            the study's rounds as the project defines them
 * @param metadata          the data dictionary
 * @param mappings          the form-event mapping; empty in a classic project
 * @param context           the PDF's date and the language of its words and of the piped lines
 */
public record FeedbackRequest(String projectId, String fileFieldTemplate, int minimumGroupSize, StudyResult result,
                              ParticipantRatings participants, StudyRounds rounds, List<FieldMetadata> metadata,
                              List<FormEventMapping> mappings, ReportContext context) {
    public FeedbackRequest {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(fileFieldTemplate, "fileFieldTemplate");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(participants, "participants");
        Objects.requireNonNull(rounds, "rounds");
        metadata = List.copyOf(metadata);
        mappings = List.copyOf(mappings);
        Objects.requireNonNull(context, "context");
    }
}

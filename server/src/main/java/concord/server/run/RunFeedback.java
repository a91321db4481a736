package concord.server.run;

import concord.analysis.StudyResult;
import concord.analysis.report.ReportContext;
import concord.connector.FormEventMapping;
import concord.connector.FieldMetadata;
import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectConfiguration.FeedbackConfiguration;
import concord.server.load.FeedResult;
import concord.server.load.LoadedStudy;
import concord.server.publish.FeedbackPublisher;
import concord.server.publish.FeedbackRequest;
import concord.server.publish.PreparedFeedback;
import concord.server.publish.PublishException;

import java.time.Instant;
import java.util.List;

/**
 * A run's part in participants' feedback ({@code feedback.*}): prepared with the reports, so that a participant whose
 * feedback cannot be produced stops the run before anything is published, and uploaded after the reports. Only
 * project-wide runs that publish do it: a data access group's run sees part of the panel, and its distributions
 * would not be the round's.
 */
final class RunFeedback {
    private RunFeedback() {
    }

    /** Every participant's feedback in memory, or null when this run publishes none. */
    static PreparedFeedback prepare(FeedbackPublisher publisher, ProjectConfiguration project, boolean projectWide,
                                    LoadedStudy loaded, FeedResult feed, StudyResult result, List<FieldMetadata> dictionary,
                                    List<FormEventMapping> mappings, Instant when) {
        FeedbackConfiguration config = project.feedback();
        if (!config.enabled() || !projectWide || !project.publish().enabled()) {
            return null;
        }
        if (loaded.rounds() == null || feed.participants() == null) {
            throw new PublishException("Project " + project.id() + ": feedback.enabled is set, but the project is not a Delphi "
                    + "study; configure rounds: events or round-field, or set feedback.enabled to false. Nothing was published.",
                    null);
        }
        return publisher.prepare(new FeedbackRequest(project.id(), config.fileField(), config.minGroupSize(), result,
                feed.participants(), loaded.rounds(), dictionary, mappings, ReportContext.generatedAt(when).withLanguage(project.reportLanguage())));
    }
}

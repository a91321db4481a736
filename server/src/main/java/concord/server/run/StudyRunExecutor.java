package concord.server.run;

import concord.analysis.StudyResult;
import concord.analysis.report.ReportContext;
import concord.connector.DataAccessGroup;
import concord.connector.FormEventMapping;
import concord.connector.ProjectInfo;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapException;
import concord.server.ConcordVersion;
import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectRegistry;
import concord.server.config.ProjectConfiguration.PublishConfiguration.ResultsTarget;
import concord.server.load.FeedResult;
import concord.server.load.LoadedStudy;
import concord.server.load.QualitativeData;
import concord.server.load.RecordFeed;
import concord.server.load.RoundSource;
import concord.server.load.StudyConfigurationException;
import concord.server.load.StudyLoader;
import concord.server.load.StudySpec;
import concord.server.publish.DashboardBody;
import concord.server.publish.PublishException;
import concord.server.publish.PublishReceipt;
import concord.server.publish.PublishRequest;
import concord.server.publish.Publisher;
import concord.server.publish.ReportFiles;
import concord.server.publish.ResultsRecord;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The real run: read the dictionary and every record through the API with the configured token,
 * analyse, render, and publish unless the inputs are identical to the last published run of the same
 * scope. A data access group's run reads with the same token and keeps only that group's records
 * ({@link GroupRecords}); it publishes into the group's restricted folder and writes no results record.
 */
@Singleton
@Primary
public class StudyRunExecutor implements RunExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(StudyRunExecutor.class);

    private final ProjectRegistry projects;
    private final RedcapClients clients;
    private final RunRepository runs;
    private final Clock clock;
    private final ReportFiles reportFiles = new ReportFiles();
    private final Publisher publisher = new Publisher();
    private final concord.server.publish.FeedbackPublisher feedbackPublisher = new concord.server.publish.FeedbackPublisher();

    public StudyRunExecutor(ProjectRegistry projects, RedcapClients clients, RunRepository runs, Clock clock) {
        this.projects = projects;
        this.clients = clients;
        this.runs = runs;
        this.clock = clock;
    }

    @Override
    public RunCompletion execute(Run run, RunContext context) {
        ProjectConfiguration project = projects.require(run.projectId());
        String version = ConcordVersion.get();
        String configHash = ConfigHash.of(project, version);
        StudySpec spec = StudySpec.of(project);
        String redcapVersion = null;
        FeedResult feed = null;
        try (RedcapClient redcap = clients.open(project)) {
            context.stage(RunStage.READING_METADATA);
            redcapVersion = redcap.version();
            ProjectInfo info = redcap.project();
            checkProjectId(project, info);
            List<FormEventMapping> mappings = info.longitudinal() ? redcap.formEventMappings() : List.of();
            // events are read only for rounds: events (their order and names); other projects make no extra call
            List<concord.connector.RedcapEvent> events = info.longitudinal() && spec.rounds().kind() == RoundSource.Kind.EVENTS
                    ? redcap.events() : List.of();
            List<concord.connector.FieldMetadata> dictionary = redcap.metadata();
            LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary, info.projectTitle(), mappings, events);
            DataAccessGroup group = run.projectWide() ? null : GroupRecords.group(project, redcap, run.scope());

            context.stage(RunStage.READING_RECORDS);
            RecordFeed recordFeed = new RecordFeed(loaded, spec, context::recordsRead);
            RecordQuery query = RecordQuery.all().withFields(loaded.exportFields());
            if (group == null) {
                redcap.exportRecordRows(query, recordFeed);
            } else {
                redcap.exportRecordRows(query.withDataAccessGroups(true), GroupRecords.only(project, group, recordFeed));
            }
            feed = recordFeed.finish();
            Optional<QualitativeData> quotes = RunQuotes.read(project, redcap, dictionary, loaded, group);
            if (quotes.isPresent()) {
                feed = quotes.get().mergeInto(feed);
            }
            context.ensureOwned();

            context.stage(RunStage.ANALYSING);
            StudyResult analysed = feed.analyze();
            StudyResult result = quotes.map(q -> q.attachTo(analysed)).orElse(analysed);

            Optional<Run> last = runs.lastPublished(project.id(), run.scope());
            if (last.isPresent() && feed.fingerprint().equals(last.get().fingerprint())
                    && configHash.equals(last.get().configHash())) {
                return new RunCompletion(RunOutcome.UNCHANGED, feed.analysed(), feed.issueCount(), feed.fingerprint(),
                        configHash, version, redcapVersion, "unchanged since run " + last.get().id()
                        + ": same data fingerprint and configuration; nothing re-published", List.of());
            }

            context.stage(RunStage.RENDERING);
            Instant when = run.startedAt() != null ? run.startedAt() : clock.instant();
            ReportContext reportContext = ReportContext.generatedAt(when).withLanguage(project.reportLanguage());
            for (Map.Entry<String, String> line : provenance(project, run, feed, configHash, version, redcapVersion, when).entrySet()) {
                reportContext = reportContext.withProvenance(line.getKey(), line.getValue());
            }
            if (quotes.isPresent()) {
                reportContext = reportContext.withProvenance("Coded quotes", quotes.get().quotes().size() + " of "
                        + quotes.get().rows() + " instances of " + quotes.get().instrument());
            }
            List<RunArtifact> files = reportFiles.render(result, reportContext, project.publish().formats(), feed.issues(),
                    feed.issueCount(), topicGuide(project));
            var feedback = RunFeedback.prepare(feedbackPublisher, project, group == null, loaded, feed, result, dictionary, mappings,
                    when);

            String publishedTo = "not published (publish.enabled=false)";
            if (project.publish().enabled()) {
                context.ensureOwned();
                // Files of this project's FAILED runs are leftovers (a run that lost its lease after uploading);
                // read before publishing starts, as the uploads themselves need REDCap only.
                java.util.Set<Long> failed = runs.failedRunIds(project.id());
                context.stage(RunStage.PUBLISHING);
                publishedTo = (group == null ? publish(project, run, when, redcap, redcapVersion, files, result, feed, failed)
                        : publisher.publish(new PublishRequest(project.id(), run.id(), when, project.publish(), redcap, null,
                        files, null, List.of(), group).withAbandonedRuns(failed::contains))).describe();
                if (feedback != null) {
                    context.ensureOwned();
                    publishedTo += "; " + feedbackPublisher.publish(feedback, redcap).describe();
                }
            }
            List<RunArtifact> stored = new java.util.ArrayList<>(files);
            stored.add(new RunArtifact(DashboardBody.FILE_NAME, "text/html; charset=utf-8",
                    DashboardBody.html(result, project.reportLanguage()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            return new RunCompletion(RunOutcome.PUBLISHED, feed.analysed(), feed.issueCount(), feed.fingerprint(),
                    configHash, version, redcapVersion, publishedTo, stored);
        } catch (StudyConfigurationException e) {
            throw new RunFailedException(e.getMessage(), facts(feed, configHash, version, redcapVersion), e);
        } catch (PublishException e) {
            throw new RunFailedException(e.getMessage(), facts(feed, configHash, version, redcapVersion), e);
        } catch (RedcapException e) {
            throw new RunFailedException("Project " + project.id() + ": reading from REDCap failed: " + e.getMessage(),
                    facts(feed, configHash, version, redcapVersion), e);
        }
    }

    private PublishReceipt publish(ProjectConfiguration project, Run run, Instant when, RedcapClient redcap, String redcapVersion,
                                   List<RunArtifact> files, StudyResult result, FeedResult feed, java.util.Set<Long> failed) {
        ResultsTarget target = project.publish().results();
        String record = switch (target) {
            case NONE -> null;
            case RECORD -> project.publish().resultsRecord();
            case PROJECT -> project.publish().resultsRecord() != null ? project.publish().resultsRecord() : project.id();
        };
        List<Map<String, String>> values = target == ResultsTarget.NONE ? List.of()
                : ResultsRecord.rows(run.id(), when, result, feed, "Concord " + ConcordVersion.get() + ", REDCap " + redcapVersion,
                        project.publish().dashboardUrl());
        java.util.function.LongPredicate abandoned = failed::contains;
        if (target == ResultsTarget.PROJECT) {
            try (RedcapClient results = clients.openResults(project)) {
                return publisher.publish(new PublishRequest(project.id(), run.id(), when, project.publish(), redcap,
                        results, files, record, values).withAbandonedRuns(abandoned));
            }
        }
        return publisher.publish(new PublishRequest(project.id(), run.id(), when, project.publish(), redcap, null,
                files, record, values).withAbandonedRuns(abandoned));
    }

    /** The configured topic-guide wording; a bad language or template file fails the run with its message. */
    private static concord.analysis.report.TopicGuideTemplate topicGuide(ProjectConfiguration project) {
        if (!project.publish().formats().contains(ReportFiles.TOPIC_GUIDE)) {
            return concord.analysis.report.TopicGuideTemplate.english();
        }
        try {
            return project.topicGuide().resolve();
        } catch (IllegalArgumentException | java.io.UncheckedIOException e) {
            throw new StudyConfigurationException(project.id(), List.of("Project " + project.id() + ": " + e.getMessage()
                    + "; correct topic-guide.language or topic-guide.template."));
        }
    }

    private static void checkProjectId(ProjectConfiguration project, ProjectInfo info) {
        if (project.redcapProjectId() != null && project.redcapProjectId() != info.projectId()) {
            throw new RunFailedException("Project " + project.id() + ": the token belongs to REDCap project "
                    + info.projectId() + ", but redcap-project-id is " + project.redcapProjectId()
                    + "; use a token of project " + project.redcapProjectId() + " or correct redcap-project-id.");
        }
    }

    static Map<String, String> provenance(ProjectConfiguration project, Run run, FeedResult feed, String configHash,
                                          String version, String redcapVersion, Instant when) {
        Map<String, String> p = new LinkedHashMap<>();
        // values in the report language (the names are translated by the renderers); English as it always was
        concord.analysis.report.ReportMessages w = concord.analysis.report.ReportMessages.forLanguage(project.reportLanguage());
        p.put("Project", project.id() + (project.redcapProjectId() == null ? ""
                : w.format("provenanceValue.redcapProject", "id", project.redcapProjectId())));
        p.put("Run", run.id() + " (" + run.trigger().name().toLowerCase() + ", " + when + ")");
        p.put("Records of", run.projectWide() ? w.text("provenanceValue.wholeProject")
                : w.format("provenanceValue.groupOnly", "group", run.scope()));
        p.put("Records read", String.valueOf(feed.records()));
        p.put("Records analysed", String.valueOf(feed.analysed()));
        p.put("Values excluded", feed.issueCount() + (feed.issueCount() == 0 ? "" : w.text("provenanceValue.seeExclusions")));
        p.put("Data fingerprint (SHA-256)", feed.fingerprint());
        p.put("Configuration hash (SHA-256)", configHash);
        p.put("Concord version", version);
        p.put("REDCap version", redcapVersion == null ? w.text("provenanceValue.unknown") : redcapVersion);
        return p;
    }

    private static RunFailureFacts facts(FeedResult feed, String configHash, String version, String redcapVersion) {
        return new RunFailureFacts(feed == null ? null : feed.fingerprint(), configHash, version, redcapVersion,
                feed == null ? null : feed.analysed());
    }
}

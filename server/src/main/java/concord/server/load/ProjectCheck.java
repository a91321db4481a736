package concord.server.load;

import concord.connector.FieldMetadata;
import concord.connector.FormEventMapping;
import concord.connector.ProjectInfo;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapException;
import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectConfiguration.PublishConfiguration.ResultsTarget;
import concord.server.load.CheckReport.Finding;
import concord.server.load.CheckReport.Level;
import concord.server.publish.ResultsRecord;
import concord.server.run.RedcapClients;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks a project's configuration against the live REDCap project (API, token rights, dictionary,
 * events, File Repository and results instrument) and says what to fix. Reads only.
 */
@Singleton
public class ProjectCheck {
    private final RedcapClients clients;

    public ProjectCheck(RedcapClients clients) {
        this.clients = clients;
    }

    public CheckReport check(ProjectConfiguration project) {
        List<Finding> findings = new ArrayList<>();
        String id = project.id();
        try (RedcapClient redcap = clients.open(project)) {
            String version = redcap.version();
            ProjectInfo info = redcap.project();
            findings.add(ok("REDCap " + version + " answers at " + project.apiUrl() + "; the token reads project "
                    + info.projectId() + " (" + info.projectTitle() + ")."));
            if (project.redcapProjectId() == null) {
                findings.add(new Finding(Level.WARNING, "redcap-project-id is not set: Data Entry Triggers cannot be "
                        + "matched to this project. Set concord.projects." + id + ".redcap-project-id=" + info.projectId() + "."));
            } else if (project.redcapProjectId() != info.projectId()) {
                findings.add(problem("redcap-project-id is " + project.redcapProjectId() + " but the token belongs to project "
                        + info.projectId() + "; correct one of them."));
            }
            List<FieldMetadata> dictionary = redcap.metadata();
            List<FormEventMapping> mappings = info.longitudinal() ? redcap.formEventMappings() : List.of();
            StudySpec spec = StudySpec.of(project);
            try {
                List<concord.connector.RedcapEvent> events = info.longitudinal() ? redcap.events() : List.of();
                LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary, info.projectTitle(), mappings, events);
                findings.add(ok(loaded.study().outcomes().size() + " outcomes in " + loaded.ratingForms() + ", groups "
                        + loaded.study().groups().stream().map(g -> g.code() + "=" + g.label()).toList()
                        + " from field '" + loaded.groupField() + "' ("
                        + (spec.groupFieldByTag() ? "found by its " + StudyLoader.GROUP_TAG + " action tag" : "group-field") + ")"
                        + (loaded.event() == null ? "" : ", read from event " + loaded.event()) + "."));
                if (loaded.rounds() != null) {
                    findings.add(ok("Delphi rounds " + (loaded.rounds().byEvent() ? "by event" : "by field '"
                            + loaded.rounds().field() + "'") + ": " + loaded.rounds().rounds().stream()
                            .map(r -> r.number() + " = " + r.code() + " (" + r.label() + ")").toList() + "."));
                }
                QualitativeInstrument.find(dictionary, project.qualitative().instrument(), id).ifPresent(q -> findings.add(ok(
                        "Coded quotes for the joint display are read from the instrument '" + q.name() + "' " + q.fields() + ".")));
                loaded.warnings().forEach(w -> findings.add(new Finding(Level.WARNING, w)));
                int records = (int) redcap.exportRecordIds(RecordQuery.all()).stream()
                        .filter(r -> !r.equals(spec.excludedRecord())).count();
                findings.add(records == 0 ? new Finding(Level.WARNING, "The project has no records yet.")
                        : ok(records + " records can be exported with this token."));
            } catch (StudyConfigurationException e) {
                e.problems().forEach(p -> findings.add(problem(p)));
            }
            checkPublishing(project, redcap, dictionary, findings);
        } catch (RedcapException e) {
            findings.add(problem("REDCap refused or failed: " + e.getMessage()));
        } catch (RuntimeException e) {
            findings.add(problem(e.getMessage()));
        }
        if (project.detSecret() == null || project.detSecret().isBlank()) {
            findings.add(new Finding(Level.WARNING, "det-secret is not set: Data Entry Triggers for this project are refused. "
                    + "Set concord.projects." + id + ".det-secret to a long random value and use "
                    + "/redcap/det?secret=<value> as the project's Data Entry Trigger URL."));
        }
        boolean ok = findings.stream().noneMatch(f -> f.level() == Level.PROBLEM);
        return new CheckReport(id, ok, findings);
    }

    private void checkPublishing(ProjectConfiguration project, RedcapClient redcap, List<FieldMetadata> dictionary,
                                 List<Finding> findings) {
        if (!project.publish().enabled()) {
            findings.add(ok("Publishing is off; results stay in Concord."));
            return;
        }
        try {
            redcap.listRepository();
            findings.add(ok("The File Repository is readable; reports go to folder '" + project.publish().folder() + "'."));
        } catch (RedcapException e) {
            findings.add(problem("The File Repository cannot be listed with this token (" + e.getMessage()
                    + "); give the token's user File Repository and API import rights, or set publish.enabled=false."));
        }
        ResultsTarget target = project.publish().results();
        if (target == ResultsTarget.RECORD) {
            checkInstrument(dictionary, "the study project", findings);
        } else if (target == ResultsTarget.PROJECT) {
            try (RedcapClient results = clients.openResults(project)) {
                checkInstrument(results.metadata(), "the results project", findings);
            } catch (RuntimeException e) {
                findings.add(problem("The results project cannot be read: " + e.getMessage()));
            }
        }
        String pdfField = project.publish().pdfField();
        if (pdfField != null && !pdfField.isBlank() && target == ResultsTarget.NONE) {
            findings.add(problem("publish.pdf-field is set but publish.results is NONE; the PDF goes into the results "
                    + "record, so set publish.results to PROJECT or RECORD."));
        }
    }

    private static void checkInstrument(List<FieldMetadata> dictionary, String where, List<Finding> findings) {
        Set<String> fields = dictionary.stream().filter(f -> f.formName().equals(ResultsRecord.INSTRUMENT))
                .map(FieldMetadata::fieldName).collect(Collectors.toSet());
        if (fields.isEmpty()) {
            findings.add(problem("Instrument " + ResultsRecord.INSTRUMENT + " is missing from " + where
                    + "; upload deploy/redcap/concord-results-instrument.zip (or its dictionary rows) in the Online Designer."));
        } else {
            findings.add(ok("Instrument " + ResultsRecord.INSTRUMENT + " found in " + where + "."));
        }
    }

    private static Finding ok(String message) {
        return new Finding(Level.OK, message);
    }

    private static Finding problem(String message) {
        return new Finding(Level.PROBLEM, message);
    }
}

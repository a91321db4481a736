package concord.server.web;

import concord.analysis.DemographicVariable;
import concord.analysis.Outcome;
import concord.analysis.RatingAccumulator;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import concord.analysis.report.CsvReportRenderer;
import concord.analysis.report.HtmlReportRenderer;
import concord.analysis.report.ReportContext;
import concord.analysis.report.ReportRenderer;
import concord.analysis.report.XlsxReportRenderer;
import concord.connector.Choice;
import concord.connector.FieldMetadata;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.server.config.ProjectConfiguration;
import concord.server.config.ProjectRegistry;
import concord.server.run.Run;
import concord.server.run.RunArtifact;
import concord.server.run.RunCompletion;
import concord.server.run.RunContext;
import concord.server.run.RunExecutor;
import concord.server.run.RunOutcome;
import concord.server.run.RunStage;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The dashboard tests' run executor: reads the project from the REDCap sandbox over real HTTP, analyses
 * it with the real analysis engine and stores the real HTML, CSV, XLSX (and PDF, when the build has a PDF
 * renderer) reports and {@code result.json}. It stands in for the service's study executor, which reads
 * the project the same way with all of its configuration options; outcomes here are every radio field
 * with the choices 1–9, domains their section headers, characteristics the integer text fields.
 */
@Singleton
@Replaces(RunExecutor.class)
@Requires(property = "concord.test.sandbox-executor", value = "true")
class SandboxStudyExecutor implements RunExecutor {
    private final ProjectRegistry projects;

    SandboxStudyExecutor(ProjectRegistry projects) {
        this.projects = projects;
    }

    @Override
    public RunCompletion execute(Run run, RunContext context) throws Exception {
        ProjectConfiguration project = projects.require(run.projectId());
        context.stage(RunStage.READING_METADATA);
        try (RedcapClient redcap = RedcapClient.create(RedcapClientConfiguration.of(project.apiUrl(), project.token())
                .withInterBatchPause(Duration.ZERO))) {
            List<FieldMetadata> fields = redcap.metadata();
            FieldMetadata groupField = fields.stream().filter(f -> f.fieldName().equals(project.groupField())).findFirst().orElseThrow();
            List<StakeholderGroup> groups = groupField.choices().stream().map(c -> new StakeholderGroup(c.code(), c.label())).toList();
            List<Outcome> outcomes = new ArrayList<>();
            List<DemographicVariable> characteristics = new ArrayList<>();
            String domain = "";
            for (FieldMetadata f : fields) {
                domain = f.sectionHeader().isBlank() ? domain : f.sectionHeader();
                List<String> codes = f.choices().stream().map(Choice::code).toList();
                if (!f.fieldName().equals(project.groupField())
                        && codes.equals(IntStream.rangeClosed(1, 9).mapToObj(String::valueOf).toList())) {
                    outcomes.add(new Outcome(f.fieldName(), f.fieldLabel(), domain));
                } else if ("integer".equals(f.validationType())) {
                    characteristics.add(DemographicVariable.continuous(f.fieldName(), f.fieldLabel()));
                }
            }
            Study study = new Study(redcap.project().projectTitle(), outcomes, groups, concord.analysis.RatingScale.grade(),
                    concord.analysis.ConsensusRule.defaults(), characteristics);
            RatingAccumulator ratings = new RatingAccumulator(study);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            int[] read = {0};
            context.stage(RunStage.READING_RECORDS);
            redcap.exportRecords(RecordQuery.all(), record -> {
                context.recordsRead(++read[0]);
                digest.update(record.values().toString().getBytes(StandardCharsets.UTF_8));
                int g = study.groupIndex(record.valueOrEmpty(project.groupField()));
                if (g < 0) {
                    return;
                }
                ratings.addParticipant(g);
                for (int o = 0; o < outcomes.size(); o++) {
                    String value = record.valueOrEmpty(outcomes.get(o).field());
                    if (value.isBlank()) {
                        ratings.addMissing(g, o);
                    } else {
                        ratings.add(g, o, Integer.parseInt(value));
                    }
                }
                for (int v = 0; v < characteristics.size(); v++) {
                    String value = record.valueOrEmpty(characteristics.get(v).field());
                    if (value.isBlank()) {
                        ratings.addCharacteristicMissing(g, v);
                    } else {
                        ratings.addCharacteristic(g, v, Double.parseDouble(value));
                    }
                }
            });
            context.stage(RunStage.ANALYSING);
            StudyResult result = StudyAnalyzer.withDefaults().analyze(ratings);
            context.stage(RunStage.RENDERING);
            String fingerprint = HexFormat.of().formatHex(digest.digest());
            ReportContext report = ReportContext.generatedAt(run.lastTriggerAt()).withProvenance("Project", project.id())
                    .withProvenance("Records", Integer.toString(read[0]));
            List<RunArtifact> files = new ArrayList<>();
            Map<String, ReportRenderer> renderers = new LinkedHashMap<>();
            renderers.put("report.html", HtmlReportRenderer.withDefaults());
            renderers.put("report.csv", CsvReportRenderer.withDefaults());
            renderers.put("report.xlsx", XlsxReportRenderer.withDefaults());
            pdfRenderer().ifPresent(pdf -> renderers.put("report.pdf", pdf));
            for (Map.Entry<String, ReportRenderer> e : renderers.entrySet()) {
                files.add(new RunArtifact(e.getKey(), e.getValue().format().mediaType(), e.getValue().render(result, report)));
            }
            files.add(new RunArtifact("result.json", "application/json",
                    StudyResultJson.write(result).getBytes(StandardCharsets.UTF_8)));
            return new RunCompletion(RunOutcome.PUBLISHED, read[0], 0, fingerprint, "test-config", "test",
                    redcap.version(), null, files);
        }
    }

    /** The reports module's PDF renderer, when this build has one. */
    private static java.util.Optional<ReportRenderer> pdfRenderer() {
        try {
            Class<?> type = Class.forName("concord.analysis.report.PdfReportRenderer");
            return java.util.Optional.of((ReportRenderer) type.getMethod("withDefaults").invoke(null));
        } catch (ReflectiveOperationException e) {
            return java.util.Optional.empty();
        }
    }
}

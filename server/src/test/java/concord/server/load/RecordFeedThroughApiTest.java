package concord.server.load;

import concord.connector.FormEventMapping;
import concord.connector.ProjectInfo;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.connector.support.Fixtures;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The service's way in: records exported through the API (JSON, in batches, against the sandbox) read by the
 * byte-level {@link RecordFeed} give what {@link ReferenceRecordFeed} read from the same export's
 * {@code RedcapRecord}s: hostile classic records (some record IDs make their batches fall back to the
 * Jackson reader), and real longitudinal and repeating-instrument projects with fields that are not
 * ratings (so that most values are excluded, each by record, field and value).
 */
class RecordFeedThroughApiTest {
    static RedcapSandbox sandbox;

    @BeforeAll
    static void start() {
        sandbox = RedcapSandbox.builder().build().start();
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void hostileClassicRecords() {
        // REDCap trims record names, so the sandbox gets none with a leading space
        String records = new String(HostileExports.classic(21, 400, false, false), StandardCharsets.UTF_8).replace("\n ", "\n");
        int pid = sandbox.addProject(SandboxProject.fromDictionaryCsv("hostile", HostileExports.DICTIONARY, records));
        for (StudySpec spec : RecordFeedEquivalenceTest.specs()) {
            compare(pid, spec, 13);
            compare(pid, spec, 500);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "longitudinal; sex; age,num_children,height,weight; ethnicity,race,given_birth",
            "repeating-instruments; sex; bp_systolic,bp_diastolic,age; ethnicity,race,age"})
    void fixtureProjects(String fixture, String group, String outcomes, String demographics) {
        int pid = sandbox.addProject(SandboxProject.fromFixtureDirectory(Fixtures.project(fixture)));
        StudySpec spec = new StudySpec(fixture, null, group, OutcomeSelection.parse(Arrays.asList(outcomes.split(","))),
                DomainSource.NONE, Arrays.asList(demographics.split(",")), "80/15", null, null, null);
        compare(pid, spec, 3);
        compare(pid, new StudySpec(spec.projectId(), null, group, spec.outcomes(), spec.domains(), spec.demographicFields(),
                "80/15", null, 2, "100"), 4);
    }

    private static void compare(int pid, StudySpec spec, int batchSize) {
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("reader"));
        try (RedcapClient redcap = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(), token)
                .withBatchSize(batchSize).withInterBatchPause(Duration.ZERO))) {
            ProjectInfo info = redcap.project();
            List<FormEventMapping> mappings = info.longitudinal() ? redcap.formEventMappings() : List.of();
            LoadedStudy loaded = StudyLoader.grade().load(spec, redcap.metadata(), info.projectTitle(), mappings);
            RecordQuery query = RecordQuery.all().withFields(loaded.exportFields());
            ReferenceRecordFeed reference = new ReferenceRecordFeed(loaded, spec, n -> { });
            redcap.exportRecords(query, reference::accept);
            RecordFeed feed = new RecordFeed(loaded, spec, n -> { });
            redcap.exportRecordRows(query, feed);
            FeedResult expected = reference.finish();
            RecordFeedEquivalenceTest.assertSame(expected, feed.finish(), spec.projectId() + " in batches of " + batchSize);
        }
    }
}

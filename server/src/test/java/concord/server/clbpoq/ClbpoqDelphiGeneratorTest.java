package concord.server.clbpoq;

import concord.analysis.DelphiResult;
import concord.analysis.GroupSummary;
import concord.analysis.RoundResult;
import concord.analysis.StudyResult;
import concord.connector.RecordQuery;
import concord.connector.RedcapClient;
import concord.connector.RedcapClientConfiguration;
import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.load.FeedResult;
import concord.server.load.LoadedStudy;
import concord.server.load.RecordFeed;
import concord.server.load.RoundSource;
import concord.server.load.StudyLoader;
import concord.server.load.StudySpec;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed {@code deploy/redcap/clbpoq-delphi-project.xml} is what {@link ClbpoqDelphiGenerator} writes (rewrite it
 * with {@code -Dconcord.regenerate=true}), and it is a three-round Delphi study with drop-outs: round 1 is the 56 demo
 * participants, and each later round has fewer, every group still at least the feedback's minimum size.
 */
class ClbpoqDelphiGeneratorTest {

    @Test
    void committedFileIsCurrentAndDeterministic() throws Exception {
        String generated = ClbpoqDelphiGenerator.generate();
        assertEquals(generated, ClbpoqDelphiGenerator.generate());
        Path committed = ClbpoqGenerator.deployDirectory().resolve(ClbpoqDelphiGenerator.FILE);
        if (Boolean.getBoolean("concord.regenerate")) {
            Files.writeString(committed, generated, StandardCharsets.UTF_8);
        }
        assertTrue(Files.exists(committed), committed + " is missing; generate it with -Dconcord.regenerate=true");
        assertEquals(generated, Files.readString(committed, StandardCharsets.UTF_8),
                committed + " differs from the generator's output; regenerate with -Dconcord.regenerate=true");
    }

    @Test
    void theSandboxServesThreeRoundsWithDropOuts() throws Exception {
        byte[] xml = ClbpoqDelphiGenerator.generate().getBytes(StandardCharsets.UTF_8);
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.addProject(SandboxProject.fromOdm(xml, ClbpoqDelphiGenerator.FILE));
            try (RedcapClient redcap = RedcapClient.create(RedcapClientConfiguration.of(sandbox.apiUrl(),
                    sandbox.createToken(pid, SandboxUser.withAllRights("reader"))).withInterBatchPause(Duration.ZERO))) {
                StudySpec spec = new StudySpec("delphi", null, null, OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")),
                        DomainSource.ANNOTATION, List.of("age", "sex"), "80/15", null, null, null, RoundSource.byEvents());
                LoadedStudy loaded = StudyLoader.grade().load(spec, redcap.metadata(), redcap.project().projectTitle(),
                        redcap.formEventMappings(), redcap.events());
                assertEquals(List.of(ClbpoqDelphiGenerator.EVENTS), loaded.rounds().codes());
                RecordFeed feed = new RecordFeed(loaded, spec, n -> { });
                redcap.exportRecordRows(RecordQuery.all().withFields(loaded.exportFields()), feed);
                FeedResult read = feed.finish();
                assertEquals(0, read.issueCount(), read.issues().toString());
                assertEquals(56, read.analysed());
                StudyResult result = read.analyze();
                DelphiResult delphi = result.delphi().orElseThrow();
                long previous = Long.MAX_VALUE;
                for (RoundResult round : delphi.rounds()) {
                    long n = round.result().groups().stream().mapToLong(GroupSummary::n).sum();
                    assertTrue(n < previous, round.round().label() + ": " + n + " participants, fewer than the round before");
                    round.result().groups().forEach(g -> assertTrue(g.n() >= 5, round.round().label() + " " + g.label() + ": " + g.n()));
                    previous = n;
                }
                assertEquals(56, delphi.rounds().get(0).result().groups().stream().mapToLong(GroupSummary::n).sum());
                assertEquals(3, delphi.lastStarted().orElseThrow().round().number());
                assertEquals(57, loaded.study().outcomes().size());
                assertTrue(redcap.metadata().stream().anyMatch(f -> f.fieldName().equals("concord_feedback_r3")));
            }
        }
    }
}

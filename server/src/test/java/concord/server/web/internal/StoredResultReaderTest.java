package concord.server.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.DemographicVariable;
import concord.analysis.Outcome;
import concord.analysis.RatingAccumulator;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StoredResultReaderTest {

    private static StudyResult analysed() {
        return analysed(concord.analysis.AnalysisOptions.defaults());
    }

    private static StudyResult analysed(concord.analysis.AnalysisOptions options) {
        Study study = new Study("T <b>", List.of(new Outcome("q1", "Pain", "Body"), new Outcome("q2", "Sleep \"x\"", "")),
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient"), new StakeholderGroup("3", "Nurse")),
                concord.analysis.RatingScale.grade(), concord.analysis.ConsensusRule.defaults(),
                List.of(DemographicVariable.continuous("age", "Age"),
                        DemographicVariable.categorical("sex", "Sex", Map.of("1", "Female"))));
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (int i = 0; i < 30; i++) {
            int g = i % 3;
            ratings.addParticipant(g);
            ratings.add(g, 0, 1 + (i * 7 + g * 3) % 9);
            if (i % 5 == 0) {
                ratings.addMissing(g, 1);
            } else {
                ratings.add(g, 1, g == 0 ? 9 : 1 + i % 4);
            }
            ratings.addCharacteristic(g, 0, 20 + i);
            ratings.addCharacteristic(g, 1, "1");
        }
        return StudyAnalyzer.withDefaults().with(options).analyze(ratings);
    }

    @Test
    void rebuildsTheStoredResultExactly() {
        String json = StudyResultJson.write(analysed());
        StudyResult rebuilt = StoredResultReader.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(json, StudyResultJson.write(rebuilt));
        assertEquals(3, rebuilt.groups().size());
        assertEquals(2, rebuilt.participantCharacteristics().size());
    }

    /** A Delphi panel (drop-outs, a skipped round, item non-response, characteristics) analysed with a stricter rule. */
    static StudyResult delphi() {
        Study study = new Study("Delphi <i>", List.of(new Outcome("q1", "Pain <script>", "Physical"), new Outcome("q2", "睡眠", "Physical"),
                new Outcome("q3", "Return to work", "Role"), new Outcome("q4", "Mood", "Role")),
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")),
                concord.analysis.RatingScale.grade(), concord.analysis.ConsensusRule.comet(),
                List.of(DemographicVariable.categorical("sex", "Sex", Map.of("1", "Female", "2", "Male"))));
        List<concord.analysis.Round> rounds = List.of(new concord.analysis.Round(1, "round_1_arm_1", "Round 1"),
                new concord.analysis.Round(2, "round_2_arm_1", "Round 2 & \"re-rating\""), new concord.analysis.Round(3, "round_3_arm_1", "Round 3"));
        return concord.analysis.DelphiAnalyzer.withDefaults()
                .with(concord.analysis.StabilityRule.defaults().withChangedBand(20, true).withUnchangedConsensus(true))
                .analyze(concord.server.load.DelphiProjectFiles.expected(study, rounds, concord.server.load.DelphiProjectFiles.panel(7, 60)));
    }

    @Test
    void rebuildsAStoredDelphiResultExactly() {
        StudyResult delphi = delphi();
        assertTrue(delphi.delphi().orElseThrow().attrition().all().dropouts() > 0, "the panel has drop-outs");
        String json = StudyResultJson.write(delphi);
        StudyResult rebuilt = StoredResultReader.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(json, StudyResultJson.write(rebuilt));
        assertEquals(3, rebuilt.delphi().orElseThrow().rounds().size());
        assertEquals(1, rebuilt.participantCharacteristics().size());
        assertEquals(delphi.delphi().get().advice(), rebuilt.delphi().get().advice());
    }

    /** A run whose exact test was estimated: the dashboard re-derives the same estimate and shows its interval, samples and seed. */
    @Test
    void aMonteCarloEstimateSurvivesAndTheDashboardShowsItsIntervalSamplesAndSeed() {
        StudyResult estimated = analysed(concord.analysis.AnalysisOptions.defaults().withFisherEnumerationLimit(1)
                .withFisherNetworkLimit(1));
        String json = StudyResultJson.write(estimated);
        assertTrue(json.contains("\"fisherExactMethod\" : \"monte_carlo\""), json);
        StudyResult rebuilt = StoredResultReader.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(json, StudyResultJson.write(rebuilt));
        concord.analysis.FisherExactResult f = rebuilt.outcomes().get(0).comparison().fisherExact().orElseThrow();
        String page = ProjectPage.render(new ProjectPage.Model("p1", "T", "alice", "csrf", java.util.Optional.empty(),
                java.util.Optional.of(rebuilt), java.util.Optional.empty(), List.of(), List.of(),
                concord.server.web.Table1Query.of(null, null, null), "", false));
        assertTrue(page.contains("<th scope=\"col\">Exact p</th>"), "Table 1 has the exact p column");
        assertTrue(page.contains("Monte Carlo estimate of the exact p: 99% CI " + concord.analysis.FisherExactResult.fourDigits(f.lower())
                + "–" + concord.analysis.FisherExactResult.fourDigits(f.upper()) + ", 10,000 sampled tables, seed 20260101"), page);
        assertTrue(page.contains("Fisher–Freeman–Halton p estimated by Monte Carlo"), "methods name the estimated outcomes");
    }

    @Test
    void refusesJsonThatDoesNotReproduce() {
        String json = StudyResultJson.write(analysed());
        String tampered = json.replaceFirst("\"mean\" : ([0-9.]+)", "\"mean\" : 1.5");
        assertTrue(!tampered.equals(json), "the test changed a mean");
        StoredResultException e = assertThrows(StoredResultException.class,
                () -> StoredResultReader.read(tampered.getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("did not reproduce"), e.getMessage());
    }

    @Test
    void refusesWhatIsNotAResult() {
        assertTrue(assertThrows(StoredResultException.class, () -> StoredResultReader.read("{".getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("not valid JSON"));
        assertTrue(assertThrows(StoredResultException.class, () -> StoredResultReader.read("{\"title\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .getMessage().contains("does not describe a Concord study result"));
    }
}

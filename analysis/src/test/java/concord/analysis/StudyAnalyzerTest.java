package concord.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyAnalyzerTest {

    private static final RatingScale GRADE = RatingScale.grade();
    private static final List<StakeholderGroup> DOCTOR_PATIENT =
            List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient"));

    /** Band counts bottom/middle/top placed on the scores 2 / 5 / 8 (3-level codes). */
    private static ScoreHistogram bands(int bottom, int middle, int top) {
        long[] c = new long[9];
        c[1] = bottom;
        c[4] = middle;
        c[7] = top;
        return new ScoreHistogram(GRADE, c, 0);
    }

    private static OutcomeResult analyzeOne(ScoreHistogram doctors, ScoreHistogram patients) {
        Study study = Study.of("t", List.of(new Outcome("x", "X", "")), DOCTOR_PATIENT);
        RatingAccumulator acc = new RatingAccumulator(study);
        acc.add(0, 0, doctors);
        acc.add(1, 0, patients);
        return StudyAnalyzer.withDefaults().analyze(acc).outcomes().get(0);
    }

    /** stats-conventions.md §6: the published category tables and their SPSS/R/scipy values. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Skeletal-related            | 6,11,9 | 2,5,21  | 8.988  | 2 | 0.0112 | 0.0128 | 2 | 3.85 | 0.408 | 0.0035 | 0.0097
            Intervertebral disc-related | 6,11,9 | 1,7,22  | 9.676  | 2 | 0.0079 | 0.0088 | 2 | 3.25 | 0.416 | 0.0022 | 0.0061
            Body-image and appearance   | 5,17,4 | 5,9,16  | 9.424  | 2 | 0.0090 | 0.0081 | 1 | 4.64 | 0.410 | 0.0225 | 0.0070
            Stigmatization              | 15,9,1 | 13,2,13 | 14.761 | 2 | 0.0006 | 0.0003 | 0 | 5.19 | 0.528 | 0.0395 | 0.0002
            Healthcare utilization      | 5,14,7 | 1,7,21  | 11.872 | 2 | 0.0026 | 0.0018 | 2 | 2.84 | 0.465 | 0.0007 | 0.0020
            Analgesic consumption       | 1,5,20 | 9,8,11  | 9.644  | 2 | 0.0080 | 0.0072 | 1 | 4.81 | 0.423 | 0.0025 | 0.0049
            Effective rate              | 0,3,23 | 0,6,22  | 0.949  | 1 | 0.3299 | 0.4704 | 2 | 4.33 | 0.133 | 0.3344 | 0.3253
            Locomotor function          | 1,1,24 | 0,8,22  | 6.278  | 2 | 0.0433 | 0.0286 | 4 | 0.46 | 0.335 | 0.0836 | 0.0249
            """)
    void reproducesThePublishedReferenceTable(String outcome, String doctors, String patients, double chi2, int df,
                                              double p, double ffh, int below5, double minExpected, double v,
                                              double mannWhitneyP, double likelihoodRatioP) {
        int[] d = java.util.Arrays.stream(doctors.split(",")).mapToInt(Integer::parseInt).toArray();
        int[] q = java.util.Arrays.stream(patients.split(",")).mapToInt(Integer::parseInt).toArray();
        OutcomeComparison c = analyzeOne(bands(d[0], d[1], d[2]), bands(q[0], q[1], q[2])).comparison();
        ChiSquareResult x = c.chiSquare().orElseThrow();
        assertEquals(chi2, x.statistic(), 0.0005);
        assertEquals(df, x.df());
        assertEquals(p, x.p(), 0.00005);
        assertEquals(below5, x.cellsExpectedBelow5());
        assertEquals(2 * (df + 1), x.cells());
        assertEquals(minExpected, x.minExpected(), 0.005);
        assertEquals(v, x.cramersV(), 0.0005);
        assertEquals(likelihoodRatioP, x.likelihoodRatio().orElseThrow().p(), 0.00005);
        assertEquals(v, c.effectSizes().cramersV().getAsDouble(), 0.0005);
        assertEquals(ffh, c.fisherExact().orElseThrow().p(), 0.00005);
        assertEquals(FisherExactResult.Method.ENUMERATION, c.fisherExact().get().method());
        assertEquals(mannWhitneyP, c.mannWhitney().orElseThrow().p(), 0.00005);
        assertTrue(c.mannWhitney().get().z() <= 0, "SPSS Z of U_min is never positive");
        assertTrue(c.mannWhitney().get().exactP().isEmpty(), "N > 40: SPSS prints no exact p");
        assertTrue(c.notComputable().get("mannWhitney.exactP").contains("N ≤ 40"));
    }

    @Test
    void effectiveRateDropsTheEmptyBandAndGivesTheTwoByTwoFisherP() {
        OutcomeComparison c = analyzeOne(bands(0, 3, 23), bands(0, 6, 22)).comparison();
        assertEquals(List.of(Band.MIDDLE, Band.TOP), c.chiSquare().orElseThrow().bands());
        assertEquals(0.4704, c.fisherExact().orElseThrow().p(), 0.00005);
        assertEquals(0.543, c.chiSquare().get().continuityCorrection().orElseThrow().p(), 0.0005, "Yates");
    }

    @Test
    void linearByLinearMatchesThePublishedHealthcareValue() {
        // stats-conventions.md §6: SPSS's Linear-by-Linear row reproduces the printed 0.001 (0.0009).
        ChiSquareResult x = analyzeOne(bands(5, 14, 7), bands(1, 7, 21)).comparison().chiSquare().orElseThrow();
        assertEquals(0.0009, x.linearByLinear().orElseThrow().p(), 0.00005);
        assertTrue(x.continuityCorrection().isEmpty(), "Yates only for 2 x 2");
    }

    @Test
    void allAnswersInOneBandMakeTheBandTestsNotComputable() {
        OutcomeResult r = analyzeOne(ScoreHistogram.ofScores(GRADE, 7, 8, 9, 9), ScoreHistogram.ofScores(GRADE, 7, 7, 8));
        OutcomeComparison c = r.comparison();
        assertTrue(c.chiSquare().isEmpty());
        assertTrue(c.fisherExact().isEmpty());
        assertTrue(c.notComputable().get("chiSquare").contains("one band"), c.notComputable().toString());
        assertTrue(c.notComputable().containsKey("fisherExactP"));
        assertTrue(c.effectSizes().cramersV().isEmpty());
        assertTrue(c.mannWhitney().isPresent(), "scores still differ within the band");
        assertFalse(c.differs());
        assertEquals(Consensus.CRITICAL, r.groups().get("Doctor").consensus().orElseThrow());
    }

    @Test
    void identicalScoresEverywhereMakeTheRankTestNotComputable() {
        OutcomeComparison c = analyzeOne(ScoreHistogram.ofScores(GRADE, 5, 5), ScoreHistogram.ofScores(GRADE, 5, 5, 5))
                .comparison();
        assertTrue(c.mannWhitney().isEmpty());
        assertTrue(c.notComputable().get("mannWhitney").contains("same score 5"), c.notComputable().toString());
        assertTrue(c.effectSizes().r().isEmpty());
        assertEquals(0.0, c.effectSizes().cliffsDelta().getAsDouble());
        assertEquals(0.0, c.effectSizes().hodgesLehmann().getAsDouble());
        assertTrue(c.qValues().rankTest().isEmpty());
        assertTrue(c.notComputable().containsKey("qValues.rankTest"));
    }

    @Test
    void aGroupWithoutAnswersLeavesNothingToCompare() {
        OutcomeResult r = analyzeOne(new ScoreHistogram(GRADE, new long[9], 26), ScoreHistogram.ofScores(GRADE, 1, 9));
        GroupStatistics doctors = r.groups().get("Doctor");
        assertEquals(0, doctors.n());
        assertEquals(26, doctors.missing());
        assertTrue(doctors.pctTop().isEmpty() && doctors.median().isEmpty() && doctors.consensus().isEmpty());
        assertEquals("no valid answers (26 missing)", doctors.notComputable().get("mean"));
        OutcomeComparison c = r.comparison();
        assertEquals(List.of("Patient"), c.groupsCompared());
        assertTrue(c.chiSquare().isEmpty() && c.fisherExact().isEmpty() && c.mannWhitney().isEmpty());
        assertEquals("only one group (Patient) has valid answers", c.notComputable().get("mannWhitney"));
        assertFalse(c.differs());
    }

    @Test
    void aSingleAnswerHasNoStandardDeviation() {
        GroupStatistics g = analyzeOne(ScoreHistogram.ofScores(GRADE, 4), ScoreHistogram.ofScores(GRADE, 1, 9))
                .groups().get("Doctor");
        assertTrue(g.sd().isEmpty());
        assertEquals("needs at least 2 valid answers, has 1", g.notComputable().get("sd"));
        assertEquals(4.0, g.q1().getAsDouble());
    }

    @Test
    void differentConsensusAloneMakesAnOutcomeDiffer() {
        // 21/26 = 80.8% passes ">80%"; 24/30 = 80.0% does not.
        ScoreHistogram doctors = bands(0, 5, 21);
        ScoreHistogram patients = bands(0, 6, 24);
        OutcomeResult r = analyzeOne(doctors, patients);
        assertEquals(Consensus.CRITICAL, r.groups().get("Doctor").consensus().orElseThrow());
        assertEquals(Consensus.NEUTRAL, r.groups().get("Patient").consensus().orElseThrow());
        OutcomeComparison c = r.comparison();
        assertTrue(c.differs());
        assertEquals(List.of("consensus differs: Doctor critical importance, Patient neutral"), c.reasons());
    }

    @Test
    void significantTestsAreGivenAsReasons() {
        OutcomeComparison c = analyzeOne(bands(6, 11, 9), bands(2, 5, 21)).comparison();
        assertTrue(c.differs());
        assertEquals(List.of("Mann–Whitney U p = 0.0035 < 0.05", "Pearson chi-square p = 0.0112 < 0.05"),
                c.reasons());
    }

    @Test
    void largeTablesFallBackToASeededMonteCarloEstimateAndSaySo() {
        Study study = Study.of("t", List.of(new Outcome("x", "X", "")), DOCTOR_PATIENT);
        RatingAccumulator acc = new RatingAccumulator(study);
        acc.add(0, 0, bands(6, 11, 9));
        acc.add(1, 0, bands(2, 5, 21));
        AnalysisOptions options = AnalysisOptions.defaults().withFisherEnumerationLimit(10).withFisherNetworkLimit(50)
                .withFisherMonteCarlo(20_000, 7, 5_000);
        StudyResult result = StudyAnalyzer.withDefaults().with(options).analyze(acc);
        FisherExactResult f = result.outcomes().get(0).comparison().fisherExact().orElseThrow();
        assertEquals(FisherExactResult.Method.MONTE_CARLO, f.method());
        assertEquals(0.0128, f.p(), 0.004);
        assertTrue(f.lower() < 0.0128 && 0.0128 < f.upper(), f.methodDescription());
        assertTrue(f.why().contains("network algorithm would need about 1.5e+02 steps (limit 50)"), f.why());
        assertTrue(result.methods().stream().anyMatch(l -> l.contains("Monte Carlo") && l.contains("seed 7")));
        String json = StudyResultJson.write(result);
        assertTrue(json.contains("\"fisherExactMethod\" : \"monte_carlo\""), json);
        com.fasterxml.jackson.databind.JsonNode mc = readJson(json).at("/outcomes/0/comparison/fisherExactMonteCarlo");
        assertEquals(20_000, mc.get("samples").asInt());
        assertEquals(7, mc.get("seed").asInt());
        assertEquals(0.99, mc.get("confidenceLevel").asDouble());
        assertEquals(f.lower(), mc.get("lower").asDouble());
        assertEquals(f.upper(), mc.get("upper").asDouble());
        assertEquals("monte_carlo", readJson(json).at("/outcomes/0/comparison/fisherExactAlgorithm").asText());
        // with the default limits the network algorithm computes it exactly
        FisherExactResult exact = StudyAnalyzer.withDefaults().with(options.withFisherNetworkLimit(1_000_000))
                .analyze(acc).outcomes().get(0).comparison().fisherExact().orElseThrow();
        assertEquals(FisherExactResult.Method.NETWORK, exact.method());
        assertEquals(0.0127784, exact.p(), 1e-7);
        assertEquals(StudyResultJson.write(result), StudyResultJson.write(StudyAnalyzer.withDefaults().with(options).analyze(acc)));
    }

    private static com.fasterxml.jackson.databind.JsonNode readJson(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void alphaIsConfigurable() {
        Study study = Study.of("t", List.of(new Outcome("x", "X", "")), DOCTOR_PATIENT);
        RatingAccumulator acc = new RatingAccumulator(study);
        acc.add(0, 0, bands(6, 11, 9));
        acc.add(1, 0, bands(2, 5, 21));
        StudyResult strict = StudyAnalyzer.withDefaults().with(AnalysisOptions.defaults().withAlpha(0.001)).analyze(acc);
        assertFalse(strict.outcomes().get(0).comparison().differs());
        StudyResult lenient = StudyAnalyzer.withDefaults().with(AnalysisOptions.defaults().withAlpha(0.0001)).analyze(acc);
        assertTrue(lenient.methods().stream().anyMatch(l -> l.contains("p < 0.0001")), lenient.methods().toString());
    }

    @Test
    void qValuesAreBenjaminiHochbergAcrossOutcomes() throws Exception {
        JsonNode reference = StudyAnalyzerReferenceTest.load();
        int[][][] tables = {{{6, 11, 9}, {2, 5, 21}}, {{6, 11, 9}, {1, 7, 22}}, {{5, 17, 4}, {5, 9, 16}},
                {{15, 9, 1}, {13, 2, 13}}, {{5, 14, 7}, {1, 7, 21}}, {{1, 5, 20}, {9, 8, 11}},
                {{0, 3, 23}, {0, 6, 22}}, {{1, 1, 24}, {0, 8, 22}}};
        List<Outcome> outcomes = new ArrayList<>();
        for (int o = 0; o < tables.length; o++) {
            outcomes.add(new Outcome("o" + o, "O" + o, "D"));
        }
        outcomes.add(new Outcome("flat", "all equal", "D"));
        Study study = Study.of("q", outcomes, DOCTOR_PATIENT);
        RatingAccumulator acc = new RatingAccumulator(study);
        for (int o = 0; o < tables.length; o++) {
            for (int g = 0; g < 2; g++) {
                int[] t = tables[o][g];
                acc.add(g, o, bands(t[0], t[1], t[2]));
            }
        }
        acc.add(0, tables.length, ScoreHistogram.ofScores(GRADE, 5, 5));
        acc.add(1, tables.length, ScoreHistogram.ofScores(GRADE, 5));
        StudyResult result = StudyAnalyzer.withDefaults().analyze(acc);
        // scipy.stats.false_discovery_control on the same eight p values (make_reference.py).
        JsonNode q = reference.get("multiplicity").get("q");
        for (int o = 0; o < tables.length; o++) {
            OutcomeComparison c = result.outcomes().get(o).comparison();
            assertEquals(reference.get("multiplicity").get("p").get(o).asDouble(), c.mannWhitney().orElseThrow().p(), 1e-12);
            assertEquals(q.get(o).asDouble(), c.qValues().rankTest().getAsDouble(), 1e-12, "q of outcome " + o);
            assertTrue(c.qValues().chiSquare().isPresent() && c.qValues().fisherExact().isPresent());
        }
        // The all-equal outcome has no rank test and takes no part in the adjustment.
        assertTrue(result.outcomes().get(tables.length).comparison().qValues().rankTest().isEmpty());
    }

    @Test
    void threeOrMoreGroupsUseKruskalWallisWithPairwiseTests() {
        List<StakeholderGroup> groups = List.of(new StakeholderGroup("1", "A"), new StakeholderGroup("2", "B"),
                new StakeholderGroup("3", "C"), new StakeholderGroup("4", "D"));
        Study study = Study.of("k", List.of(new Outcome("x", "X", "")), groups);
        RatingAccumulator acc = new RatingAccumulator(study);
        acc.add(0, 0, ScoreHistogram.ofScores(GRADE, 1, 2, 3, 4, 5));
        acc.add(1, 0, ScoreHistogram.ofScores(GRADE, 5, 6, 7, 8, 9));
        acc.add(2, 0, ScoreHistogram.ofScores(GRADE, 7, 8, 9, 9));
        // D has no answers: left out of the rank test and of the band table.
        StudyResult bonferroni = StudyAnalyzer.withDefaults()
                .with(AnalysisOptions.defaults().withPairwiseCorrection(PairwiseCorrection.BONFERRONI)).analyze(acc);
        OutcomeComparison c = bonferroni.outcomes().get(0).comparison();
        KruskalWallisResult kw = c.kruskalWallis().orElseThrow();
        assertEquals(2, kw.df());
        assertEquals(List.of("A", "B", "C"), c.groupsCompared());
        assertEquals(3, kw.pairwise().size());
        assertEquals(PairwiseCorrection.BONFERRONI, kw.correction());
        PairwiseComparison ab = kw.pairwise().get(0);
        assertEquals("A", ab.mannWhitney().groupA());
        assertEquals(Math.min(1, ab.mannWhitney().p() * 3), ab.adjustedP(), 1e-15);
        assertTrue(ab.effectSizes().cliffsDelta().getAsDouble() < 0, "A rates lower than B");
        assertEquals(3, c.chiSquare().orElseThrow().rows().size());
        assertTrue(c.mannWhitney().isEmpty());
        assertTrue(c.notComputable().get("mannWhitney").contains("kruskalWallis"));
    }

    @Test
    void kruskalWallisDegenerateCasesSayWhy() {
        List<StakeholderGroup> groups = List.of(new StakeholderGroup("1", "A"), new StakeholderGroup("2", "B"),
                new StakeholderGroup("3", "C"));
        Study study = Study.of("k", List.of(new Outcome("flat", "Flat", ""), new Outcome("pair", "Pair", "")), groups);
        RatingAccumulator acc = new RatingAccumulator(study);
        for (int g = 0; g < 3; g++) {
            acc.add(g, 0, ScoreHistogram.ofScores(GRADE, 5, 5));
        }
        acc.add(0, 1, ScoreHistogram.ofScores(GRADE, 5, 5));
        acc.add(1, 1, ScoreHistogram.ofScores(GRADE, 5));
        acc.add(2, 1, ScoreHistogram.ofScores(GRADE, 8, 9));
        StudyResult result = StudyAnalyzer.withDefaults().analyze(acc);
        OutcomeComparison flat = result.outcomes().get(0).comparison();
        assertTrue(flat.kruskalWallis().isEmpty());
        assertTrue(flat.notComputable().get("kruskalWallis").contains("same score"), flat.notComputable().toString());
        assertTrue(flat.qValues().rankTest().isEmpty());
        OutcomeComparison pair = result.outcomes().get(1).comparison();
        KruskalWallisResult kw = pair.kruskalWallis().orElseThrow();
        assertEquals(2, kw.pairwise().size(), "A vs B has no rank information");
        assertTrue(pair.notComputable().get("kruskalWallis.pairwise.A vs B").contains("same score 5"));
        assertEquals(List.of("A", "C"), List.of(kw.pairwise().get(0).mannWhitney().groupA(),
                kw.pairwise().get(0).mannWhitney().groupB()));
        assertFalse(StudyResultJson.write(result).contains("NaN"));
    }

    @Test
    void groupsCountParticipantsAndMethodsDescribeTheRun() {
        Study study = Study.of("m", List.of(new Outcome("x", "X", "")), DOCTOR_PATIENT);
        RatingAccumulator acc = new RatingAccumulator(study);
        acc.add(new Participant("r1", "1", java.util.Map.of("x", 7), java.util.Map.of()));
        acc.add(new Participant("r2", "2", java.util.Map.of(), java.util.Map.of()));
        StudyResult result = StudyAnalyzer.withDefaults().analyze(acc);
        assertEquals(List.of(new GroupSummary("1", "Doctor", 1), new GroupSummary("2", "Patient", 1)), result.groups());
        assertEquals(1, result.outcomes().get(0).groups().get("Patient").missing());
        assertTrue(result.methods().stream().anyMatch(l -> l.contains("HAVERAGE")));
        assertTrue(result.methods().stream().anyMatch(l -> l.contains(">80%")));
        assertTrue(result.methods().stream().anyMatch(l -> l.contains("Holm")));
    }
}

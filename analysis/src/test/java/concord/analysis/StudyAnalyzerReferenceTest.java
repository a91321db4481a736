package concord.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every statistic against values computed independently by
 * {@code src/test/resources/concord/analysis/reference/make_reference.py} (numpy/scipy on the
 * expanded scores, exact rational enumeration for the exact tests).
 */
class StudyAnalyzerReferenceTest {

    private static final double TOL = 1e-9;

    @TestFactory
    Stream<DynamicTest> matchesIndependentReferenceValues() throws IOException {
        JsonNode root = load();
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        }
        assertTrue(tests.size() >= 50, "reference file has " + tests.size() + " cases");
        return tests.stream();
    }

    static JsonNode load() throws IOException {
        try (InputStream in = StudyAnalyzerReferenceTest.class.getResourceAsStream("reference/reference-cases.json")) {
            assertNotNull(in, "reference-cases.json on the test classpath");
            return new ObjectMapper().readTree(in);
        }
    }

    private static void check(JsonNode c) {
        JsonNode s = c.get("scale");
        RatingScale scale = RatingScale.of(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt());
        int k = c.get("groups").size();
        List<StakeholderGroup> groups = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            groups.add(new StakeholderGroup(Integer.toString(g + 1), "G" + (g + 1)));
        }
        Study study = Study.of("reference", List.of(new Outcome("x", "X", "")), groups).withScale(scale);
        RatingAccumulator acc = new RatingAccumulator(study);
        for (int g = 0; g < k; g++) {
            long[] counts = new long[scale.points()];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = c.get("groups").get(g).get(i).asLong();
            }
            acc.add(g, 0, new ScoreHistogram(scale, counts, g)); // g missing answers: must not matter
        }
        OutcomeResult result = StudyAnalyzer.withDefaults().analyze(acc).outcomes().get(0);

        for (int g = 0; g < k; g++) {
            JsonNode d = c.get("descriptives").get(g);
            GroupStatistics gs = result.groups().get("G" + (g + 1));
            assertEquals(g, gs.missing());
            if (d.isNull()) {
                assertEquals(0, gs.n());
                assertTrue(gs.mean().isEmpty() && gs.consensus().isEmpty());
                assertTrue(gs.notComputable().containsKey("mean"));
                continue;
            }
            assertEquals(d.get("n").asLong(), gs.n());
            near(d.get("mean"), gs.mean(), "mean");
            near(d.get("sd"), gs.sd(), "sd");
            near(d.get("q1"), gs.q1(), "q1");
            near(d.get("median"), gs.median(), "median");
            near(d.get("q3"), gs.q3(), "q3");
        }

        OutcomeComparison cmp = result.comparison();
        JsonNode chi = c.get("chiSquare");
        if (chi == null) {
            assertTrue(cmp.chiSquare().isEmpty());
            assertTrue(cmp.notComputable().containsKey("chiSquare"));
            assertTrue(cmp.fisherExact().isEmpty());
        } else {
            ChiSquareResult x = cmp.chiSquare().orElseThrow();
            assertEquals(chi.get("statistic").asDouble(), x.statistic(), TOL, "chi-square");
            assertEquals(chi.get("df").asInt(), x.df());
            assertEquals(chi.get("p").asDouble(), x.p(), 1e-12, "chi-square p");
            assertEquals(chi.get("cellsExpectedBelow5").asInt(), x.cellsExpectedBelow5());
            assertEquals(chi.get("minExpected").asDouble(), x.minExpected(), TOL);
            assertEquals(chi.get("cramersV").asDouble(), x.cramersV(), TOL);
            row(chi.get("likelihoodRatio"), x.likelihoodRatio(), "likelihood ratio");
            row(chi.get("continuityCorrection"), x.continuityCorrection(), "continuity correction");
            row(chi.get("linearByLinear"), x.linearByLinear(), "linear-by-linear");
            FisherExactResult f = cmp.fisherExact().orElseThrow();
            assertEquals(FisherExactResult.Method.ENUMERATION, f.method());
            assertEquals(c.get("fisherExactP").asDouble(), f.p(), 1e-10, "FFH p");
            assertEquals(c.get("fisherTables").asLong(), f.count(), "tables enumerated");
        }
        JsonNode mw = c.get("mannWhitney");
        if (mw != null) {
            MannWhitneyResult m = cmp.mannWhitney().orElseThrow();
            assertEquals(mw.get("u").asDouble(), m.u(), TOL, "U");
            assertEquals(mw.get("w").asDouble(), m.w(), TOL, "W");
            assertEquals(mw.get("rankSumA").asDouble(), m.rankSumA(), TOL);
            assertEquals(mw.get("rankSumB").asDouble(), m.rankSumB(), TOL);
            assertEquals(mw.get("z").asDouble(), m.z(), TOL, "Z");
            assertEquals(mw.get("p").asDouble(), m.p(), 1e-12, "asymptotic p");
            near(mw.get("exactP"), m.exactP(), "exact p");
            near(mw.get("r"), cmp.effectSizes().r(), "r");
            near(mw.get("cliffsDelta"), cmp.effectSizes().cliffsDelta(), "Cliff's delta");
            near(mw.get("hodgesLehmann"), cmp.effectSizes().hodgesLehmann(), "Hodges-Lehmann");
            assertTrue(cmp.kruskalWallis().isEmpty());
        }
        JsonNode kw = c.get("kruskalWallis");
        if (kw != null) {
            KruskalWallisResult h = cmp.kruskalWallis().orElseThrow();
            assertEquals(kw.get("h").asDouble(), h.h(), TOL, "H");
            assertEquals(kw.get("df").asInt(), h.df());
            assertEquals(kw.get("p").asDouble(), h.p(), 1e-12, "KW p");
            assertEquals(kw.get("pairwiseP").size(), h.pairwise().size());
            for (int i = 0; i < h.pairwise().size(); i++) {
                assertEquals(kw.get("pairwiseP").get(i).asDouble(), h.pairwise().get(i).mannWhitney().p(), 1e-12);
                assertEquals(kw.get("pairwiseHolm").get(i).asDouble(), h.pairwise().get(i).adjustedP(), 1e-12);
            }
            assertTrue(cmp.mannWhitney().isEmpty());
            assertTrue(cmp.effectSizes().r().isEmpty());
        }
    }

    private static void row(JsonNode expected, java.util.Optional<ChiSquareStatistic> actual, String what) {
        if (expected == null) {
            assertTrue(actual.isEmpty(), what + " should be empty");
            return;
        }
        ChiSquareStatistic a = actual.orElseThrow(() -> new AssertionError(what + " is empty"));
        assertEquals(expected.get("statistic").asDouble(), a.statistic(), TOL, what);
        assertEquals(expected.get("p").asDouble(), a.p(), 1e-12, what + " p");
    }

    private static void near(JsonNode expected, OptionalDouble actual, String what) {
        if (expected == null || expected.isNull()) {
            assertTrue(actual.isEmpty(), what + " should be empty but is " + actual);
        } else {
            assertEquals(expected.asDouble(), actual.orElseThrow(() -> new AssertionError(what + " is empty")), TOL, what);
        }
    }
}

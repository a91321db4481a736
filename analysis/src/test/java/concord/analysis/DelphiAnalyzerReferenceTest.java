package concord.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every across-round statistic against values R computed from the individual scores
 * ({@code reference/delphi/make_delphi_reference.R}: {@code wilcox.test(paired = TRUE, exact = FALSE,
 * correct = FALSE)}, {@code chisq.test(correct = FALSE)}, {@code quantile(type = 6)},
 * {@code wilcox.test(exact = FALSE, correct = FALSE)}, {@code p.adjust("BH")}).
 */
class DelphiAnalyzerReferenceTest {

    private static final double TOL = 1e-9;

    @TestFactory
    Stream<DynamicTest> matchesR() throws IOException {
        JsonNode root;
        try (InputStream in = getClass().getResourceAsStream("reference/delphi/delphi-reference-cases.json")) {
            assertNotNull(in, "delphi-reference-cases.json on the test classpath");
            root = new ObjectMapper().readTree(in);
        }
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> check(c)));
        }
        assertTrue(tests.size() >= 12, "reference file has " + tests.size() + " cases");
        return tests.stream();
    }

    private static void check(JsonNode c) {
        JsonNode s = c.get("scale");
        RatingScale scale = RatingScale.of(s.get(0).asInt(), s.get(1).asInt(), s.get(2).asInt(), s.get(3).asInt());
        int groups = c.get("groups").asInt();
        int outcomes = c.get("outcomes").asInt();
        int rounds = c.get("rounds").asInt();
        List<StakeholderGroup> gs = new ArrayList<>();
        for (int g = 0; g < Math.max(2, groups); g++) {
            gs.add(new StakeholderGroup(Integer.toString(g + 1), "G" + (g + 1)));
        }
        List<Outcome> os = new ArrayList<>();
        for (int o = 0; o < outcomes; o++) {
            os.add(new Outcome("o" + o, "Outcome " + o, ""));
        }
        List<Round> rs = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            rs.add(Round.numbered(r));
        }
        DelphiAccumulator counts = new DelphiAccumulator(Study.of("reference", os, gs).withScale(scale), rs);
        int id = 0;
        for (JsonNode p : c.get("participants")) {
            Map<Integer, Map<String, Integer>> byRound = new HashMap<>();
            for (int r = 0; r < rounds; r++) {
                Map<String, Integer> ratings = new HashMap<>();
                for (int o = 0; o < outcomes; o++) {
                    JsonNode v = p.get("scores").get(r).get(o);
                    ratings.put("o" + o, v.isNull() ? null : v.asInt());
                }
                byRound.put(r + 1, ratings);
            }
            counts.add(new DelphiParticipant("p" + id++, Integer.toString(p.get("group").asInt() + 1), Map.of(), byRound));
        }
        StudyResult result = DelphiAnalyzer.withDefaults().analyze(counts);
        DelphiResult d = result.delphi().orElseThrow();
        JsonNode e = c.get("expected");

        for (JsonNode x : e.get("changes")) {
            GroupStability g = d.stability().get(x.get("outcome").asInt()).groups().get("G" + (x.get("group").asInt() + 1));
            RoundChange change = g.changes().stream().filter(ch -> ch.fromRound() == x.get("fromRound").asInt())
                    .findFirst().orElseThrow();
            String where = "outcome " + x.get("outcome") + " group " + x.get("group") + " from round " + x.get("fromRound");
            assertEquals(x.get("pairs").asLong(), change.pairs().n(), where + " pairs");
            Optional<WilcoxonSignedRankResult> w = change.wilcoxon();
            if (x.get("p").isNull()) {
                assertTrue(w.isEmpty(), where + ": R has no p, Concord has " + w);
            } else {
                WilcoxonSignedRankResult r = w.orElseThrow(() -> new AssertionError(where + ": no Wilcoxon"));
                assertEquals(x.get("ties").asLong(), r.ties(), where + " ties");
                assertEquals(x.get("negative").asLong(), r.negative(), where + " negative");
                assertEquals(x.get("positive").asLong(), r.positive(), where + " positive");
                assertEquals(x.get("negativeRankSum").asDouble(), r.negativeRankSum(), TOL, where + " S-");
                assertEquals(x.get("V").asDouble(), r.positiveRankSum(), TOL, where + " S+ = R's V");
                assertEquals(x.get("z").asDouble(), r.z(), TOL, where + " z");
                assertEquals(x.get("p").asDouble(), r.p(), TOL, where + " p");
            }
            near(x.get("pctChangedBand"), change.pctChangedBand(), where + " changed band");
            near(x.get("pctMovedUp"), change.pctMovedUp(), where + " up");
            near(x.get("pctMovedDown"), change.pctMovedDown(), where + " down");
            near(x.get("iqrFrom"), change.iqrFrom(), where + " iqr from");
            near(x.get("iqrTo"), change.iqrTo(), where + " iqr to");
            near(x.get("iqrChange"), change.iqrChange(), where + " iqr change");
            JsonNode chi = x.get("chiSquare");
            if (chi.isNull()) {
                assertTrue(change.chiSquare().isEmpty(), where + " chi-square");
            } else {
                ChiSquareResult r = change.chiSquare().orElseThrow(() -> new AssertionError(where + ": no chi-square"));
                assertEquals(chi.get("statistic").asDouble(), r.statistic(), TOL, where + " chi2");
                assertEquals(chi.get("df").asInt(), r.df(), where + " df");
                assertEquals(chi.get("p").asDouble(), r.p(), TOL, where + " chi2 p");
            }
            assertEquals(x.get("stable").isNull() ? Optional.empty() : Optional.of(x.get("stable").asBoolean()),
                    change.stable(), where + " stable");
        }
        for (JsonNode x : e.get("consensus")) {
            GroupStability g = d.stability().get(x.get("outcome").asInt()).groups().get("G" + (x.get("group").asInt() + 1));
            List<String> expected = new ArrayList<>();
            x.get("byRound").forEach(v -> expected.add(v.isNull() ? null : v.asText()));
            List<String> actual = g.consensusByRound().stream().map(o -> o.map(Consensus::code).orElse(null)).toList();
            assertEquals(expected, actual, "consensus by round " + x);
            assertEquals(x.get("reached").isNull() ? java.util.OptionalInt.empty()
                    : java.util.OptionalInt.of(x.get("reached").asInt()), g.consensusReachedInRound(), "reached " + x);
        }
        for (JsonNode x : e.get("attrition")) {
            GroupAttrition a = x.get("group").isNull() ? d.attrition().all() : d.attrition().groups().get(x.get("group").asInt());
            assertEquals(x.get("panel").asLong(), a.panel(), "panel " + x);
            assertEquals(x.get("completers").asLong(), a.completers(), "completers " + x);
            assertEquals(x.get("dropouts").asLong(), a.dropouts(), "dropouts " + x);
            for (int r = 0; r < rounds; r++) {
                assertEquals(x.get("respondents").get(r).asLong(), a.rounds().get(r).respondents(), "respondents " + x);
                assertEquals(x.get("respondents").get(r).asLong(), result.delphi().get().rounds().get(r).result().groups()
                        .stream().filter(gr -> x.get("group").isNull() || gr.label().equals("G" + (x.get("group").asInt() + 1)))
                        .mapToLong(GroupSummary::n).sum(), "round result n " + x);
            }
        }
        for (JsonNode x : e.get("dropouts")) {
            GroupAttrition a = x.get("group").isNull() ? d.attrition().all() : d.attrition().groups().get(x.get("group").asInt());
            DropoutComparison cmp = a.comparisons().get(x.get("outcome").asInt());
            if (x.get("p").isNull()) {
                assertTrue(cmp.mannWhitney().isEmpty(), "drop-out test " + x + ": " + cmp);
                assertTrue(cmp.q().isEmpty());
            } else {
                assertEquals(x.get("p").asDouble(), cmp.mannWhitney().orElseThrow().p(), TOL, "drop-out p " + x);
                assertEquals(x.get("q").asDouble(), cmp.q().getAsDouble(), TOL, "drop-out q " + x);
                assertEquals(x.get("q").asDouble() < 0.05, cmp.flagged(), "flag " + x);
            }
        }
    }

    private static void near(JsonNode expected, OptionalDouble actual, String what) {
        if (expected == null || expected.isNull()) {
            assertTrue(actual.isEmpty(), what + ": expected none, got " + actual);
        } else {
            assertTrue(actual.isPresent(), what + ": expected " + expected + ", got none");
            assertEquals(expected.asDouble(), actual.getAsDouble(), TOL, what);
        }
    }
}

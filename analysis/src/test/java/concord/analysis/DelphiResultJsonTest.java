package concord.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rounds sections of a Delphi study's JSON: documented example, byte-identical output, field names. */
class DelphiResultJsonTest {

    @Test
    void sameInputsGiveByteIdenticalJson() {
        assertEquals(StudyResultJson.write(DelphiExample.result()), StudyResultJson.write(DelphiExample.result()));
    }

    @Test
    void matchesTheDocumentedExample() throws Exception {
        String actual = StudyResultJson.write(DelphiExample.result());
        String expected = "";
        try (InputStream in = getClass().getResourceAsStream("delphi-result-example.json")) {
            if (in != null) {
                expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (!expected.equals(actual)) {
            Path written = Path.of("target", "delphi-result-example.actual.json");
            Files.writeString(written, actual);
            assertEquals(expected, actual, "JSON changed; if intended, copy " + written.toAbsolutePath()
                    + " to src/test/resources/concord/analysis/delphi-result-example.json and update docs/analysis.md");
        }
    }

    @Test
    void aSingleSurveyHasNoRoundsSections() throws Exception {
        JsonNode root = new ObjectMapper().readTree(StudyResultJson.write(StudyResultJsonTest.example()));
        for (String field : List.of("rounds", "stability", "attrition", "delphi")) {
            assertFalse(root.has(field), field);
        }
    }

    @Test
    void topLevelIsTheLatestRoundAndEveryRoundIsAFullResult() throws Exception {
        StudyResult result = DelphiExample.result();
        JsonNode root = new ObjectMapper().readTree(StudyResultJson.write(result));
        JsonNode rounds = root.get("rounds");
        assertEquals(3, rounds.size());
        JsonNode third = rounds.get(2);
        assertEquals("round_3_arm_1", third.get("code").asText());
        assertTrue(third.get("started").asBoolean());
        assertFalse(third.get("result").has("rounds"), "a round's own result has no rounds");
        // The top level repeats the latest round's result field for field.
        for (String field : List.of("groups", "summary", "outcomes", "participantCharacteristics", "methods")) {
            assertEquals(third.get("result").get(field), root.get(field), field);
        }
        assertEquals(result.delphi().orElseThrow().rounds().get(2).result().groups(), result.groups());
    }

    @Test
    void stabilityAttritionAndAdviceUseTheDocumentedNames() throws Exception {
        JsonNode root = new ObjectMapper().readTree(StudyResultJson.write(DelphiExample.result()));
        JsonNode doctor = root.get("stability").get(0).get("groups").get("Doctor");
        for (String f : List.of("consensusByRound", "consensusReachedInRound", "stable", "changes")) {
            assertTrue(doctor.has(f), f);
        }
        JsonNode change = doctor.get("changes").get(0);
        for (String f : List.of("fromRound", "toRound", "pairs", "jointCounts", "wilcoxon", "pctChangedBand", "pctMovedUp",
                "pctMovedDown", "chiSquare", "iqrFrom", "iqrTo", "iqrChange", "stable", "reasons", "notComputable")) {
            assertTrue(change.has(f), f);
        }
        assertEquals(9, change.get("jointCounts").size());
        assertEquals(9, change.get("jointCounts").get(0).size());
        JsonNode w = change.get("wilcoxon");
        for (String f : List.of("pairs", "negativeRanks", "positiveRanks", "ties", "negativeRankSum", "positiveRankSum",
                "meanRankNegative", "meanRankPositive", "z", "p", "basedOn")) {
            assertTrue(w.has(f), f);
        }
        JsonNode attrition = root.get("attrition");
        assertEquals(2, attrition.get("groups").size());
        assertTrue(attrition.get("all").get("group").isNull());
        JsonNode all = attrition.get("all");
        for (String f : List.of("panel", "completers", "dropouts", "rounds", "patterns", "comparisons")) {
            assertTrue(all.has(f), f);
        }
        assertEquals(15, all.get("panel").asInt());
        JsonNode advice = root.get("delphi").get("advice");
        assertTrue(List.of("no_data", "one_round", "stable", "not_stable").contains(advice.get("decision").asText()));
        assertEquals(3, advice.get("plannedRounds").asInt());
    }
}

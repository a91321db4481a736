package concord.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyResultJsonTest {

    /** A small study touching every part of the JSON: two groups, a degenerate outcome, characteristics. */
    static StudyResult example() {
        Map<String, String> sex = new LinkedHashMap<>();
        sex.put("1", "female");
        sex.put("2", "male");
        Study study = new Study("Example", List.of(
                new Outcome("pain", "Pain/discomfort", "Physiological"),
                new Outcome("skeletal", "Skeletal-related outcomes", "Musculoskeletal"),
                new Outcome("unanimous", "Unanimous outcome", "Other")),
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")),
                RatingScale.grade(), ConsensusRule.defaults(),
                List.of(DemographicVariable.continuous("age", "Age (years)"),
                        DemographicVariable.categorical("sex", "Sex", sex)));
        RatingAccumulator acc = new RatingAccumulator(study);
        int[][] doctors = {{9, 5, 8}, {8, 4, 8}, {9, 6, 8}, {7, 3, 8}, {8, 2, 8}, {9, 7, 8}};
        int[][] patients = {{9, 8, 8}, {9, 9, 8}, {8, 7, 8}, {6, 8, 8}, {9, 9, 8}};
        String[] ages = {"41", "38", "52", "45", "30", "47", "33", "60", "25", "44", ""};
        int record = 0;
        for (int[] r : doctors) {
            acc.add(participant(record, "1", r, ages[record], record % 3 == 0 ? "1" : "2"));
            record++;
        }
        for (int[] r : patients) {
            acc.add(participant(record, "2", r, ages[record], record % 2 == 0 ? "1" : "2"));
            record++;
        }
        acc.add(new Participant("missing-all", "2", Map.of(), Map.of()));
        return StudyAnalyzer.withDefaults().analyze(acc);
    }

    private static Participant participant(int id, String group, int[] r, String age, String sex) {
        return new Participant("r" + id, group, Map.of("pain", r[0], "skeletal", r[1], "unanimous", r[2]),
                Map.of("age", age, "sex", sex));
    }

    @Test
    void sameInputsGiveByteIdenticalJson() {
        assertEquals(StudyResultJson.write(example()), StudyResultJson.write(example()));
    }

    @Test
    void matchesTheDocumentedExample() throws Exception {
        String actual = StudyResultJson.write(example());
        String expected = "";
        try (InputStream in = getClass().getResourceAsStream("study-result-example.json")) {
            if (in != null) {
                expected = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        if (!expected.equals(actual)) {
            Path written = Path.of("target", "study-result-example.actual.json");
            Files.writeString(written, actual);
            assertEquals(expected, actual, "JSON changed; if intended, copy " + written.toAbsolutePath()
                    + " to src/test/resources/concord/analysis/study-result-example.json and update docs/analysis.md");
        }
    }

    @Test
    void usesTheDocumentedFieldNamesAndNullWithReason() throws Exception {
        JsonNode root = new ObjectMapper().readTree(StudyResultJson.write(example()));
        assertEquals("Doctor", root.get("groups").get(0).get("label").asText());
        assertEquals(6, root.get("groups").get(0).get("n").asInt());
        assertEquals(6, root.get("groups").get(1).get("n").asInt());
        JsonNode skeletal = root.get("outcomes").get(1);
        assertEquals("skeletal", skeletal.get("field").asText());
        assertEquals("Musculoskeletal", skeletal.get("domain").asText());
        JsonNode patient = skeletal.get("groups").get("Patient");
        for (String f : List.of("n", "missing", "counts", "pctTop", "pctMiddle", "pctBottom", "mean", "sd", "median",
                "q1", "q3", "consensus", "notComputable")) {
            assertTrue(patient.has(f), f);
        }
        assertEquals(1, patient.get("missing").asInt());
        JsonNode cmp = skeletal.get("comparison");
        for (String f : List.of("statistic", "df", "p", "cellsExpectedBelow5", "pctCellsExpectedBelow5", "minExpected",
                "cramersV")) {
            assertTrue(cmp.get("chiSquare").has(f), f);
        }
        for (String f : List.of("u", "w", "z", "p", "exactP")) {
            assertTrue(cmp.get("mannWhitney").get(f).isNumber(), f);
        }
        assertTrue(cmp.get("fisherExactP").isNumber());
        assertEquals("exact", cmp.get("fisherExactMethod").asText());
        assertTrue(cmp.get("kruskalWallis").isNull());
        assertFalse(cmp.get("notComputable").get("kruskalWallis").asText().isEmpty());
        for (String f : List.of("r", "cliffsDelta", "hodgesLehmann", "cramersV")) {
            assertTrue(cmp.get("effectSizes").get(f).isNumber(), f);
        }
        assertTrue(cmp.get("qValues").get("rankTest").isNumber());
        assertTrue(cmp.get("differs").asBoolean());

        JsonNode unanimous = root.get("outcomes").get(2).get("comparison");
        assertTrue(unanimous.get("chiSquare").isNull());
        assertTrue(unanimous.get("mannWhitney").isNull());
        assertTrue(unanimous.get("notComputable").get("chiSquare").asText().contains("one band"));
        assertTrue(unanimous.get("notComputable").get("mannWhitney").asText().contains("same score 8"));
        assertFalse(unanimous.get("differs").asBoolean());

        JsonNode age = root.get("participantCharacteristics").get(0);
        assertEquals("continuous", age.get("kind").asText());
        assertEquals(2, age.get("groups").get("Patient").get("missing").asInt());
        JsonNode sex = root.get("participantCharacteristics").get(1).get("groups").get("Doctor").get("categories");
        assertEquals("female", sex.get(0).get("label").asText());
        assertTrue(root.get("methods").size() > 5);
        assertFalse(StudyResultJson.write(example()).contains("NaN"));
    }
}

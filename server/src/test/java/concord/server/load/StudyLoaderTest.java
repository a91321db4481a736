package concord.server.load;

import concord.analysis.Outcome;
import concord.analysis.StakeholderGroup;
import concord.connector.DataDictionaryReader;
import concord.connector.FieldMetadata;
import concord.connector.FormEventMapping;
import concord.connector.RecordCsvScanner;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyLoaderTest {

    static List<FieldMetadata> dictionary(String name) throws Exception {
        try (InputStream in = StudyLoaderTest.class.getResourceAsStream("/load/" + name)) {
            return DataDictionaryReader.create().read(in, name);
        }
    }

    static StudySpec spec(List<String> outcomes, DomainSource domains) {
        return new StudySpec("demo", null, "stakeholder", OutcomeSelection.parse(outcomes), domains,
                List.of("age", "sex"), "80/15", null, null, null);
    }

    @Test
    void buildsTheStudyFromTaggedFields() throws Exception {
        LoadedStudy loaded = StudyLoader.grade().load(spec(List.of("@CONCORD-OUTCOME"), DomainSource.ANNOTATION),
                dictionary("dictionary.csv"), "CLBP <b>study</b>", List.of());
        assertEquals("CLBP study", loaded.study().title());
        assertEquals(List.of(new Outcome("pain", "Pain intensity", "Pain"), new Outcome("function", "Physical function", "Function"),
                new Outcome("sleep", "Sleep", "Quality of life"), new Outcome("mood", "Mood", "")), loaded.study().outcomes());
        assertEquals(List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")), loaded.study().groups());
        assertEquals(2, loaded.study().demographics().size());
        assertEquals("record_id", loaded.recordIdField());
        assertNull(loaded.event());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    }

    @Test
    void instrumentSelectionAndSectionHeaderDomains() throws Exception {
        LoadedStudy loaded = StudyLoader.grade().load(spec(List.of("ratings"), DomainSource.SECTION_HEADER),
                dictionary("dictionary.csv"), "t", List.of());
        assertEquals(List.of("pain", "function", "sleep", "mood"), loaded.study().outcomes().stream().map(Outcome::field).toList());
        assertEquals(List.of("Symptoms", "Symptoms", "Quality of life", "Quality of life"),
                loaded.study().outcomes().stream().map(Outcome::domain).toList());
    }

    @Test
    void firstEventCarryingTheRatingFormIsChosen() throws Exception {
        LoadedStudy loaded = StudyLoader.grade().load(spec(List.of("pain", "mood"), DomainSource.NONE),
                dictionary("dictionary.csv"), "t", List.of(new FormEventMapping(1, "baseline_arm_1", "participant"),
                        new FormEventMapping(1, "week_2_arm_1", "ratings"), new FormEventMapping(1, "week_4_arm_1", "ratings")));
        assertEquals("week_2_arm_1", loaded.event());
    }

    @Test
    void misfitsAreAllReportedWithFieldAndFix() throws Exception {
        StudySpec spec = new StudySpec("demo", null, "role", OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")),
                DomainSource.ANNOTATION, List.of("height"), "80/15", "week_2_arm_1", null, null);
        StudyConfigurationException e = assertThrows(StudyConfigurationException.class,
                () -> StudyLoader.grade().load(spec, dictionary("misfit-dictionary.csv"), "t", List.of()));
        String all = String.join("\n", e.problems());
        assertTrue(all.contains("rating field 'pain' has the choice code '0' (None), which is not a score 1–9"), all);
        assertTrue(all.contains("rating field 'pain' has the choice code '10'"), all);
        assertTrue(all.contains("rating field 'sleep' is a slider with range 0 (default)–100 (default); set its minimum to 1"), all);
        assertTrue(all.contains("rating field 'notes' has type notes"), all);
        assertTrue(all.contains("group field 'role' has type text"), all);
        assertTrue(all.contains("demographic field 'height' is not in the data dictionary"), all);
        assertTrue(all.contains("event 'week_2_arm_1' is configured but the project is not longitudinal"), all);
        assertTrue(e.problems().stream().allMatch(p -> p.startsWith("Project demo: ")));
    }

    @Test
    void unknownOutcomeFieldAndMissingTag() throws Exception {
        StudyConfigurationException e = assertThrows(StudyConfigurationException.class, () -> StudyLoader.grade()
                .load(spec(List.of("pain", "painn"), DomainSource.NONE), dictionary("dictionary.csv"), "t", List.of()));
        assertTrue(e.getMessage().contains("outcome field 'painn' is not in the data dictionary"), e.getMessage());
        e = assertThrows(StudyConfigurationException.class, () -> StudyLoader.grade()
                .load(spec(List.of("@RATING"), DomainSource.NONE), dictionary("dictionary.csv"), "t", List.of()));
        assertTrue(e.getMessage().contains("no field carries the action tag @RATING"), e.getMessage());
    }

    /** The test dictionary with extra action tags in the Field Annotation of the given fields (field, tags, ...). */
    static List<FieldMetadata> taggedDictionary(String... fieldAndTags) throws Exception {
        List<String> lines;
        try (InputStream in = StudyLoaderTest.class.getResourceAsStream("/load/dictionary.csv")) {
            lines = new ArrayList<>(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList());
        }
        for (int i = 0; i < fieldAndTags.length; i += 2) {
            String field = fieldAndTags[i];
            int row = lines.stream().map(l -> l.startsWith(field + ",")).toList().indexOf(true);
            String line = lines.get(row);
            String annotation = line.substring(line.lastIndexOf(',') + 1).replace("\"", "");
            lines.set(row, line.substring(0, line.lastIndexOf(',') + 1) + "\""
                    + (annotation + " " + fieldAndTags[i + 1]).trim().replace("\"", "\"\"") + "\"");
        }
        return DataDictionaryReader.create().read(new java.io.ByteArrayInputStream(
                String.join("\n", lines).getBytes(java.nio.charset.StandardCharsets.UTF_8)), "tagged.csv");
    }

    static StudySpec specWithoutGroupField() {
        return spec(List.of("@CONCORD-OUTCOME"), DomainSource.ANNOTATION).withGroupField(null);
    }

    @Test
    void theGroupFieldIsFoundByItsTagWhenGroupFieldIsNotSet() throws Exception {
        LoadedStudy loaded = StudyLoader.grade().load(specWithoutGroupField(), taggedDictionary("stakeholder", "@CONCORD-GROUP"),
                "t", List.of());
        assertEquals("stakeholder", loaded.groupField());
        assertEquals(List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")), loaded.study().groups());
        assertTrue(loaded.exportFields().contains("stakeholder"), loaded.exportFields().toString());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());

        LoadedStudy blank = StudyLoader.grade().load(spec(List.of("@CONCORD-OUTCOME"), DomainSource.ANNOTATION).withGroupField("  "),
                taggedDictionary("stakeholder", "@concord-group"), "t", List.of());
        assertEquals("stakeholder", blank.groupField(), "a blank group-field counts as unset; tags are case-insensitive");
    }

    @Test
    void noTaggedFieldOrSeveralIsAPreciseProblem() throws Exception {
        StudyConfigurationException none = assertThrows(StudyConfigurationException.class,
                () -> StudyLoader.grade().load(specWithoutGroupField(), dictionary("dictionary.csv"), "t", List.of()));
        assertEquals(List.of("Project demo: no group field: group-field is not set and no field carries the action tag "
                + "@CONCORD-GROUP in its Field Annotation. Add @CONCORD-GROUP to the Field Annotation of the field holding the "
                + "stakeholder group (radio or dropdown) in the Online Designer, or set group-field to its name."), none.problems());

        StudyConfigurationException two = assertThrows(StudyConfigurationException.class, () -> StudyLoader.grade().load(
                specWithoutGroupField(), taggedDictionary("stakeholder", "@CONCORD-GROUP", "sex", "@CONCORD-GROUP"), "t", List.of()));
        assertEquals(List.of("Project demo: group-field is not set and 2 fields carry the action tag @CONCORD-GROUP: "
                + "'stakeholder', 'sex'. Keep the tag on exactly one field (the one holding the stakeholder group), or set "
                + "group-field to the field to use."), two.problems());
    }

    @Test
    void aConfiguredGroupFieldWinsOverTheTagWithAWarning() throws Exception {
        LoadedStudy loaded = StudyLoader.grade().load(spec(List.of("@CONCORD-OUTCOME"), DomainSource.ANNOTATION),
                taggedDictionary("sex", "@CONCORD-GROUP"), "t", List.of());
        assertEquals("stakeholder", loaded.groupField());
        assertEquals(List.of("Project demo: group-field is 'stakeholder' but @CONCORD-GROUP is on 'sex'; the configured "
                + "group-field is used. Move the tag to 'stakeholder' or remove it, so that the dictionary and the configuration "
                + "agree."), loaded.warnings());
        LoadedStudy agreeing = StudyLoader.grade().load(spec(List.of("@CONCORD-OUTCOME"), DomainSource.ANNOTATION),
                taggedDictionary("stakeholder", "@CONCORD-GROUP"), "t", List.of());
        assertTrue(agreeing.warnings().isEmpty(), agreeing.warnings().toString());
    }

    @Test
    void aGroupFieldThatIsAlsoAnOutcomeIsAProblem() throws Exception {
        StudyConfigurationException e = assertThrows(StudyConfigurationException.class, () -> StudyLoader.grade().load(
                specWithoutGroupField(), taggedDictionary("pain", "@CONCORD-GROUP"), "t", List.of()));
        assertTrue(e.problems().contains("Project demo: field 'pain' is both the group field and an outcome; remove "
                + "@CONCORD-OUTCOME from its Field Annotation, or choose another group field."), e.problems().toString());
    }

    @Test
    void recordsWithMisfitsAreExcludedAndCountedNeverAnalysed() throws Exception {
        StudySpec spec = spec(List.of("@CONCORD-OUTCOME"), DomainSource.ANNOTATION);
        LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary("dictionary.csv"), "t", List.of());
        List<Integer> progress = new ArrayList<>();
        RecordFeed feed = new RecordFeed(loaded, spec, progress::add);
        RecordCsvScanner.scan(StudyLoaderTest.class.getResourceAsStream("/load/records.csv"), "records.csv", feed);
        FeedResult result = feed.finish();
        assertEquals(7, result.records());
        assertEquals(5, result.analysed(), "records 5 (no group) and 6 (group 3) are left out");
        assertEquals(List.of(
                new LoadIssue("4", "pain", "10", "outside the scale 1–9: excluded; correct the value."),
                new LoadIssue("4", "function", "x", "not a whole number: excluded; enter a score 1–9 or leave it empty."),
                new LoadIssue("5", "stakeholder", "", "no stakeholder group: the record is left out; fill in stakeholder."),
                new LoadIssue("6", "stakeholder", "3", "not one of the group codes [1, 2]: the record is left out; correct the value."),
                new LoadIssue("7", "age", "abc", "not a number: excluded."),
                new LoadIssue("7", "sex", "9", "not one of the codes [1, 2]: excluded.")), result.issues());
        assertEquals(6, result.issueCount());
        int pain = loaded.study().outcomeIndex("pain");
        int sleep = loaded.study().outcomeIndex("sleep");
        int patients = loaded.study().groupIndex("2");
        assertEquals(2, result.accumulator().histogram(pain, patients).n(), "patients 3 and 7; record 4's 10 is excluded");
        assertEquals(3, result.accumulator().histogram(sleep, patients).n(), "4.0 from a slider counts as 4");
        assertEquals(7, progress.get(progress.size() - 1));
        assertEquals(64, result.fingerprint().length());
    }

    @Test
    void fingerprintIgnoresRowOrderButNotValues() throws Exception {
        StudySpec spec = spec(List.of("@CONCORD-OUTCOME"), DomainSource.ANNOTATION);
        LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary("dictionary.csv"), "t", List.of());
        List<String> lines = new String(StudyLoaderTest.class.getResourceAsStream("/load/records.csv").readAllBytes(),
                StandardCharsets.UTF_8).lines().toList();
        List<String> backward = new ArrayList<>(lines.subList(1, lines.size()));
        java.util.Collections.reverse(backward);
        backward.add(0, lines.get(0));
        List<String> changed = new ArrayList<>(lines);
        changed.set(1, lines.get(1).replace("1,1,45,1,9,", "1,1,45,1,8,"));
        assertTrue(!changed.equals(lines));
        assertEquals(fingerprint(loaded, spec, lines), fingerprint(loaded, spec, backward));
        assertTrue(!fingerprint(loaded, spec, changed).equals(fingerprint(loaded, spec, lines)));
    }

    private static String fingerprint(LoadedStudy loaded, StudySpec spec, List<String> csvLines) {
        RecordFeed feed = new RecordFeed(loaded, spec, n -> { });
        RecordCsvScanner.scan(new java.io.ByteArrayInputStream(String.join("\n", csvLines).getBytes(StandardCharsets.UTF_8)),
                "records.csv", feed);
        return feed.finish().fingerprint();
    }

    @Test
    void consensusRuleTexts() {
        assertEquals(concord.analysis.ConsensusRule.defaults(), StudySpec.consensusRule("80/15"));
        assertEquals(concord.analysis.ConsensusRule.comet(), StudySpec.consensusRule("comet"));
        assertEquals(concord.analysis.ConsensusRule.comet(), StudySpec.consensusRule(">=70/<15"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StudySpec.consensusRule("most"));
        assertTrue(e.getMessage().contains("'most'"));
    }

}

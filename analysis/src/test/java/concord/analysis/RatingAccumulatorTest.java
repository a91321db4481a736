package concord.analysis;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatingAccumulatorTest {

    private static final Study STUDY = new Study("acc",
            List.of(new Outcome("pain", "Pain", "Physiological"), new Outcome("sleep", "Sleep", "Physiological")),
            List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")),
            RatingScale.grade(), ConsensusRule.defaults(),
            List.of(DemographicVariable.continuous("age", "Age"),
                    DemographicVariable.categorical("sex", "Sex", linked("1", "female", "2", "male"))));

    private static Map<String, String> linked(String... kv) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    private static Participant participant(String id, String group, Integer pain, Integer sleep, String age, String sex) {
        Map<String, Integer> ratings = new HashMap<>();
        ratings.put("pain", pain);
        ratings.put("sleep", sleep);
        Map<String, String> characteristics = new HashMap<>();
        characteristics.put("age", age);
        characteristics.put("sex", sex);
        return new Participant(id, group, ratings, characteristics);
    }

    @Test
    void countsRatingsMissingAnswersAndParticipantsPerGroup() {
        RatingAccumulator acc = new RatingAccumulator(STUDY);
        acc.add(participant("1", "1", 9, null, "40", "1"));
        acc.add(participant("2", "1", 7, 3, "50", "2"));
        acc.add(participant("3", "2", 8, 8, "", "1"));
        assertEquals(2, acc.participants(0));
        assertEquals(1, acc.participants(1));
        assertEquals(ScoreHistogram.ofScores(RatingScale.grade(), 9, 7), acc.histogram(0, 0));
        assertEquals(1, acc.histogram(1, 0).missing());
        assertEquals(1, acc.histogram(1, 0).n());
        CharacteristicSummary age = acc.characteristic(0, 0);
        assertEquals(45.0, age.mean().getAsDouble());
        assertEquals(45.0, age.median().getAsDouble());
        assertEquals(40.0, age.min().getAsDouble());
        assertEquals(1, acc.characteristic(0, 1).missing());
        assertEquals(List.of(1L, 1L), acc.characteristic(1, 0).categories().stream().map(CategoryCount::n).toList());
    }

    @Test
    void errorsNameTheRecordFieldAndValueAndLeaveCountsUnchanged() {
        RatingAccumulator acc = new RatingAccumulator(STUDY);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> acc.add(participant("17", "1", 9, 10, "40", "1")));
        assertEquals("Participant '17', field 'sleep': score 10 is outside the scale 1..9; correct the record or "
                + "leave the answer empty", e.getMessage());
        assertEquals(0, acc.participants(0));
        assertEquals(0, acc.histogram(0, 0).n(), "nothing of the bad record was counted");
        e = assertThrows(IllegalArgumentException.class, () -> acc.add(participant("18", "3", 9, 9, "40", "1")));
        assertTrue(e.getMessage().contains("group code '3'") && e.getMessage().contains("[1, 2]"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> acc.add(participant("19", "1", 9, 9, "forty", "1")));
        assertTrue(e.getMessage().contains("field 'age': value 'forty' is not a number"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> acc.add(participant("20", "1", 9, 9, "40", "9")));
        assertTrue(e.getMessage().contains("not one of the codes [1, 2]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> acc.add(0, 0, 0));
        IndexOutOfBoundsException bad = assertThrows(IndexOutOfBoundsException.class, () -> acc.add(0, 2, 5));
        assertTrue(bad.getMessage().contains("Outcome index 2") && bad.getMessage().contains("Study.outcomeIndex"));
        bad = assertThrows(IndexOutOfBoundsException.class, () -> acc.add(2, 0, 5));
        assertTrue(bad.getMessage().contains("Group index 2"), bad.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> acc.addMissing(-1, 0));
        assertThrows(IndexOutOfBoundsException.class, () -> acc.histogram(0, 5));
    }

    @Test
    void mergingEqualsAccumulatingEverythingInOne() {
        RatingAccumulator all = new RatingAccumulator(STUDY);
        RatingAccumulator siteA = new RatingAccumulator(STUDY);
        RatingAccumulator siteB = new RatingAccumulator(STUDY);
        java.util.SplittableRandom random = new java.util.SplittableRandom(4);
        for (int i = 0; i < 500; i++) {
            Participant p = participant("r" + i, random.nextBoolean() ? "1" : "2",
                    random.nextInt(10) == 0 ? null : 1 + random.nextInt(9), 1 + random.nextInt(9),
                    Integer.toString(20 + random.nextInt(50)), random.nextBoolean() ? "1" : "2");
            all.add(p);
            (i % 3 == 0 ? siteA : siteB).add(p);
        }
        siteA.merge(siteB);
        assertEquals(StudyResultJson.write(StudyAnalyzer.withDefaults().analyze(all)),
                StudyResultJson.write(StudyAnalyzer.withDefaults().analyze(siteA)));
        RatingAccumulator other = new RatingAccumulator(STUDY.withRule(ConsensusRule.comet()));
        assertThrows(IllegalArgumentException.class, () -> all.merge(other));
    }
}

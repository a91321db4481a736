package concord.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StudyTest {

    private static final List<Outcome> OUTCOMES = List.of(new Outcome("a", "A", "D1"), new Outcome("b", "B", null));
    private static final List<StakeholderGroup> GROUPS =
            List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient"));

    @Test
    void looksUpOutcomesAndGroups() {
        Study study = Study.of("s", OUTCOMES, GROUPS);
        assertEquals(1, study.outcomeIndex("b"));
        assertEquals(-1, study.outcomeIndex("zz"));
        assertEquals("Patient", study.group("2").orElseThrow().label());
        assertEquals("", study.outcomes().get(1).domain());
        assertEquals(RatingScale.grade(), study.scale());
    }

    @Test
    void rejectsStudiesThatCannotBeCompared() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Study.of("s", OUTCOMES, GROUPS.subList(0, 1)));
        assertTrue(e.getMessage().contains("at least two"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> Study.of("s", List.of(new Outcome("a", "A", ""), new Outcome("a", "B", "")), GROUPS));
        assertTrue(e.getMessage().contains("outcome field 'a' twice"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Study.of("s", OUTCOMES,
                List.of(new StakeholderGroup("1", "X"), new StakeholderGroup("2", "X"))));
        assertThrows(IllegalArgumentException.class, () -> Study.of("s", List.of(), GROUPS));
        assertThrows(IllegalArgumentException.class,
                () -> DemographicVariable.categorical("sex", "Sex", java.util.Map.of()));
    }
}

package concord.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StudySummaryTest {

    @Test
    void countsConsensusAndDifferencesByReason() {
        StudySummary s = StudyResultJsonTest.example().summary();
        assertEquals(3, s.outcomes());
        // pain: Doctor 6/6 top → critical, Patient 4/5 = 80% → neutral (not > 80%); skeletal: Patient 5/5 top;
        // unanimous: critical in both.
        assertEquals(Map.of("Doctor", 2L, "Patient", 2L), s.criticalByGroup());
        assertEquals(List.of("Doctor", "Patient"), List.copyOf(s.criticalByGroup().keySet()));
        assertEquals(1, s.criticalInAllGroups());
        // pain differs by consensus only; skeletal by the rank test.
        assertEquals(2, s.differing());
        assertEquals(1, s.differingByRankTest());
        assertEquals(0, s.differingByChiSquareOnly());
        assertEquals(1, s.differingByConsensusOnly());
    }
}

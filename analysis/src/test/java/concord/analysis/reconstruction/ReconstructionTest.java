package concord.analysis.reconstruction;

import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReconstructionTest {

    private static final Map<String, Integer> SIZES = Map.of("Doctor", 26, "Patient", 30);

    @Test
    void participantsCarryExactlyTheReconstructedHistograms() {
        Reconstruction r = ClbpTable.reconstruction();
        List<ReconstructedParticipant> people = r.participants(SIZES);
        assertEquals(56, people.size());
        assertEquals(26, people.stream().filter(p -> p.group().equals("Doctor")).count());
        for (ReconstructedRow row : r.rows()) {
            int[] scores = people.stream().filter(p -> p.group().equals(row.group()))
                    .map(p -> p.ratings().get(row.outcome())).filter(java.util.Objects::nonNull)
                    .mapToInt(Integer::intValue).toArray();
            assertEquals(row.histogram(), ScoreHistogram.ofScores(RatingScale.grade(), scores), row.outcome());
        }
        assertEquals(people, r.participants(SIZES), "the same seed must give the same participants");
        long withGaps = people.stream().filter(p -> p.ratings().size() < 57).count();
        assertTrue(withGaps > 0 && withGaps < 56, withGaps + " participants skipped an outcome");
    }

    @Test
    void aGroupTooSmallForItsRowsIsRefused() {
        Reconstruction r = ClbpTable.reconstruction();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.participants(Map.of("Doctor", 25, "Patient", 30)));
        assertTrue(e.getMessage().contains("n = 26") && e.getMessage().contains("25 participants"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> r.participants(Map.of("Doctor", 26)));
    }

    @Test
    void theReportNamesEveryInconsistentRowAndWhy() {
        ReconstructionReport report = ReconstructionReport.of(ClbpTable.reconstruction());
        assertEquals("114 rows: 108 reproduced (1 unique, 107 several; 4 after a repair), 6 with an impossible cell",
                report.summary());
        String text = report.render();
        assertTrue(text.contains("Therapeutic safety / Patient (line 109)"), text);
        assertTrue(text.contains("% 1–3 100.0 is impossible: 100.0 % is 30 of 30"), text);
        assertTrue(text.contains("used: % 1–3 10.0 instead of 100.0"), text);
        assertTrue(text.contains("Activities of daily living               Doctor   unique"), text);
        assertTrue(text.contains("read as q1 = 5, q3 = 8.25"), text);
        assertEquals("rank-sum P reproduced for 54 of 57 outcomes", report.rankSumSummary());
    }
}

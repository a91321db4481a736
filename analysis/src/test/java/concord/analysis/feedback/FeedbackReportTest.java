package concord.analysis.feedback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.DelphiExample;
import concord.analysis.DelphiParticipant;
import concord.analysis.GroupStatistics;
import concord.analysis.RoundResult;
import concord.analysis.StudyResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class FeedbackReportTest {

    private static final StudyResult RESULT = DelphiExample.result();

    private static RoundResult round(int number) {
        return RESULT.delphi().orElseThrow().round(number).orElseThrow();
    }

    private static DelphiParticipant doctor() {
        return new DelphiParticipant("r1", "1", Map.of(), Map.of(1, Map.of("pain", 8, "sleep", 5, "work", 7),
                2, Map.of("pain", 8, "sleep", 6, "work", 7)));
    }

    @Test
    void ownScoresAndEveryGroupsDistributionOfTheRound() {
        FeedbackReport report = FeedbackReport.of(round(2), doctor());
        assertEquals("r1", report.recordId());
        assertEquals("Doctor", report.groupLabel());
        assertEquals(2, report.round().number());
        assertEquals(List.of("pain", "sleep", "work"), report.outcomes().stream().map(o -> o.outcome().field()).toList());
        OutcomeFeedback sleep = report.outcomes().get(1);
        assertEquals(OptionalInt.of(6), sleep.ownScore());
        for (GroupFeedback group : sleep.groups()) {
            GroupStatistics expected = round(2).result().outcomes().get(1).groups().get(group.label());
            assertEquals(expected.counts(), group.counts(), group.label());
            assertEquals(expected.n(), group.answers());
            assertEquals(expected.pctTop(), group.pctTop());
            assertEquals(expected.median(), group.median());
            assertEquals(Optional.empty(), group.withheld());
            assertEquals(group.label().equals("Doctor"), group.ownGroup());
        }
    }

    @Test
    void groupsAndAnswerCountsBelowTheMinimumAreWithheldSayingWhy() {
        // Round 2: 5 doctors answered; 6 patients, of whom 5 rated "sleep".
        FeedbackReport report = FeedbackReport.of(round(2), doctor(), 6);
        GroupFeedback doctors = report.outcomes().get(0).groups().get(0);
        assertEquals(Optional.of("group of 5 participants, fewer than 6"), doctors.withheld());
        assertEquals(List.of(), doctors.counts());
        assertTrue(doctors.pctTop().isEmpty() && doctors.median().isEmpty());
        GroupFeedback patientsPain = report.outcomes().get(0).groups().get(1);
        assertEquals(Optional.empty(), patientsPain.withheld());
        GroupFeedback patientsSleep = report.outcomes().get(1).groups().get(1);
        assertEquals(Optional.of("5 answers, fewer than 6"), patientsSleep.withheld());
        assertEquals(List.of(), patientsSleep.counts());
    }

    @Test
    void pipeValuesSayOwnScoreAndEachGroupsTopBandAndMedian() {
        Map<String, String> pipe = FeedbackReport.of(round(2), doctor(), 6).pipeValues();
        GroupStatistics patients = round(2).result().outcomes().get(0).groups().get("Patient");
        assertEquals("You: 8 \u00b7 Doctor not shown (group of 5 participants, fewer than 6) \u00b7 Patient "
                + concord.analysis.report.internal.Numbers.percent(patients.pctTop().getAsDouble()) + "% 7\u20139 (median "
                + concord.analysis.report.internal.Numbers.quantile(patients.median().getAsDouble()) + ")", pipe.get("pain"));
        DelphiParticipant silent = new DelphiParticipant("r9", "2", Map.of(), Map.of(2, Map.of("pain", 9)));
        assertTrue(FeedbackReport.of(round(2), silent).pipeValues().get("work").startsWith("You: not rated \u00b7 Doctor "));
    }

    @Test
    void aScoreOutsideTheScaleOrAnUnknownGroupNamesTheRecord() {
        DelphiParticipant bad = new DelphiParticipant("r77", "1", Map.of(), Map.of(2, Map.of("work", 12)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FeedbackReport.of(round(2), bad));
        assertTrue(e.getMessage().contains("'r77'") && e.getMessage().contains("'work'") && e.getMessage().contains("12"), e.getMessage());
        DelphiParticipant stranger = new DelphiParticipant("r78", "9", Map.of(), Map.of());
        e = assertThrows(IllegalArgumentException.class, () -> FeedbackReport.of(round(2), stranger));
        assertTrue(e.getMessage().contains("'r78'") && e.getMessage().contains("'9'"), e.getMessage());
        assertFalse(e.getMessage().isBlank());
    }
}

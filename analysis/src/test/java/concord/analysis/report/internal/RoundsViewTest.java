package concord.analysis.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.Consensus;
import concord.analysis.StoppingAdvice;
import concord.analysis.report.RoundsExample;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * The rounds view of {@link RoundsExample}, every figure worked out by hand (COMET rule: ≥70% in
 * 7–9 and &lt;15% in 1–3 is critical; stability: no Wilcoxon shift and &lt;15% of pairs changed band).
 */
class RoundsViewTest {
    private static final Optional<Consensus> CRITICAL = Optional.of(Consensus.CRITICAL);
    private static final Optional<Consensus> NEUTRAL = Optional.of(Consensus.NEUTRAL);

    private final RoundsView view = RoundsView.of(RoundsExample.result()).orElseThrow();

    @Test
    void aSingleSurveyHasNoRoundsView() {
        assertTrue(RoundsView.of(RoundsExample.singleSurvey()).isEmpty());
    }

    @Test
    void consensusMatrixPerOutcomeGroupAndRoundWithTheRoundConsensusWasReached() {
        List<RoundsView.ConsensusRow> rows = view.consensus();
        assertEquals(List.of("a Doctor", "a Patient", "b Doctor", "b Patient"),
                rows.stream().map(r -> r.outcome().field() + " " + r.group()).toList());
        // Doctor a: round 1 9,8,7,3 → 75% top but 25% bottom: neutral; rounds 2–3 9,8,7 → 100% top
        assertEquals(List.of(NEUTRAL, CRITICAL, CRITICAL), rows.get(0).byRound());
        assertEquals(OptionalInt.of(2), rows.get(0).reachedIn());
        // Patient a: 9,9,8 / 9,9,8 / 9,9 → critical throughout
        assertEquals(List.of(CRITICAL, CRITICAL, CRITICAL), rows.get(1).byRound());
        assertEquals(OptionalInt.of(1), rows.get(1).reachedIn());
        // Doctor b: 5,5,2,1 (50% bottom) / 5,5,5 / 5,5,5 → never a consensus
        assertEquals(List.of(NEUTRAL, NEUTRAL, NEUTRAL), rows.get(2).byRound());
        assertEquals(OptionalInt.empty(), rows.get(2).reachedIn());
        // Patient b: 9,8,7 / 9,8,7 critical; round 3 9,2 → 50% top, 50% bottom: lost
        assertEquals(List.of(CRITICAL, CRITICAL, NEUTRAL), rows.get(3).byRound());
        assertEquals(OptionalInt.empty(), rows.get(3).reachedIn());
    }

    @Test
    void stabilityOfTheLatestTwoRoundsAndWhy() {
        List<RoundsView.StabilityRow> rows = view.stability();
        RoundsView.StabilityRow doctorA = rows.get(0);
        assertEquals("2\u21923", doctorA.rounds());
        assertEquals(3, doctorA.pairs()); // the doctor who dropped out after round 1 is not paired
        assertEquals(0.0, doctorA.pctChangedBand().getAsDouble(), 0);
        assertEquals(Optional.of(true), doctorA.stable());
        assertEquals("stable", RoundsView.verdict(doctorA.stable()));
        RoundsView.StabilityRow patientB = rows.get(3);
        assertEquals(2, patientB.pairs()); // 9→9 and 8→2; the round-3 drop-out is not paired
        assertEquals(50.0, patientB.pctChangedBand().getAsDouble(), 1e-12);
        assertEquals(Optional.of(false), patientB.stable());
        assertEquals("not stable", RoundsView.verdict(patientB.stable()));
        assertTrue(patientB.why().contains("50.0% of 2 paired participants changed band (beyond the < 15% limit)"), patientB.why());
        assertEquals(List.of(true, true, true, false), rows.stream().map(r -> r.stable().orElseThrow()).toList());
    }

    @Test
    void stoppingAdviceCountsTheJudgedCells() {
        StoppingAdvice advice = view.advice();
        assertEquals(StoppingAdvice.Decision.NOT_STABLE, advice.decision());
        assertEquals(3, advice.stable());
        assertEquals(1, advice.unstable());
        assertEquals(0, advice.notJudged());
        assertEquals(3, advice.lastRound());
        assertTrue(RoundsTables.paragraphs(view).get(0).startsWith("Stopping advice: 1 of 4 judged"), RoundsTables.paragraphs(view).get(0));
    }

    @Test
    void responseRatesPerRoundAndGroup() {
        List<RoundsView.ResponseRow> rows = view.response();
        assertEquals(List.of("Doctor", "Patient", "All participants"), rows.stream().map(RoundsView.ResponseRow::group).toList());
        // Doctor: panel 4; 4, 3, 3 respondents
        response(rows.get(0), 4, new long[] {4, 3, 3}, new double[] {100, 75, 75}, new double[] {100, 75, 75},
                new double[] {Double.NaN, 75, 100});
        // Patient: panel 4 (one never answered); 3, 3, 2
        response(rows.get(1), 4, new long[] {3, 3, 2}, new double[] {75, 75, 50}, new double[] {100, 100, 200.0 / 3},
                new double[] {Double.NaN, 100, 200.0 / 3});
        // All: panel 8; 7, 6, 5
        response(rows.get(2), 8, new long[] {7, 6, 5}, new double[] {87.5, 75, 62.5}, new double[] {100, 600.0 / 7, 500.0 / 7},
                new double[] {Double.NaN, 600.0 / 7, 500.0 / 6});
        assertEquals(List.of(3L, 2L, 5L), rows.stream().map(RoundsView.ResponseRow::completers).toList());
        assertEquals(List.of(1L, 1L, 2L), rows.stream().map(RoundsView.ResponseRow::dropouts).toList());
    }

    @Test
    void dropoutComparisonWithMannWhitneyAndBenjaminiHochberg() {
        List<RoundsView.DropoutRow> rows = view.dropouts();
        assertEquals(6, rows.size()); // 2 outcomes × (2 groups + all participants)
        RoundsView.DropoutRow doctorA = rows.get(0);
        assertEquals("Doctor", doctorA.group());
        assertEquals("a", doctorA.outcome().field());
        assertEquals(3, doctorA.completers());
        assertEquals(1, doctorA.dropouts());
        // 9,8,7 against 3: U = 0, σ² = 3·1·5/12 = 1.25, z = −1.5/√1.25 = −1.3416, p = 0.17971
        assertEquals(0.1797125, doctorA.p().getAsDouble(), 1e-6);
        // 5,5,2 against 1: U = 0, tie-corrected σ² = 3/12·(5 − 6/12) = 1.125, z = −1.4142, p = 0.15730
        RoundsView.DropoutRow doctorB = rows.get(1);
        assertEquals(0.1572992, doctorB.p().getAsDouble(), 1e-6);
        // BH over the doctors' two outcomes: q = min(0.1573·2/1, 0.1797·2/2) = 0.1797 for both
        assertEquals(0.1797125, doctorA.q().getAsDouble(), 1e-6);
        assertEquals(0.1797125, doctorB.q().getAsDouble(), 1e-6);
        assertFalse(doctorA.flagged());
        assertEquals(0, view.flaggedCount());
        // all participants: 7 answered round 1, 5 of them every round
        assertEquals("Drop-outs: 2 of 7 round-1 respondents did not answer every round; their round-1 ratings differ from those "
                + "of the participants who did (BH q < 0.05) in 0 of 6 comparisons.", view.dropoutSentence());
    }

    @Test
    void tablesCarryTheSameRowsAndMarkWhatNeedsAttention() {
        List<RoundsTables.Table> tables = RoundsTables.of(view);
        RoundsTables.Table consensus = tables.get(0);
        assertEquals(List.of("Outcome", "Group", "Round 1", "Round 2", RoundsExample.ROUND_3, "Consensus since round"), consensus.headers());
        assertEquals(List.of(RoundsExample.ALPHA, "Doctor", "neutral", "critical importance", "critical importance", "2"),
                consensus.rows().get(0).stream().map(RoundsTables.Cell::text).toList());
        assertEquals("no consensus", consensus.rows().get(3).get(5).text());
        RoundsTables.Table stability = tables.get(1);
        assertEquals(List.of(false, false, false, true), stability.highlighted());
        assertEquals("50.0", stability.rows().get(3).get(5).text());
        RoundsTables.Table response = tables.get(2);
        assertEquals(9, response.rows().size()); // 3 rows of groups × 3 rounds
        assertEquals(List.of("Patient", RoundsExample.ROUND_3, "4", "2", "50.0", "66.7", "66.7"),
                response.rows().get(5).stream().map(RoundsTables.Cell::text).toList());
        assertEquals(Numbers.NOT_COMPUTABLE, response.rows().get(0).get(6).text()); // round 1 has no previous round
        RoundsTables.Table dropouts = tables.get(4);
        assertEquals(List.of("Doctor", RoundsExample.ALPHA, "3", "1", "0.180", "0.180", "no", ""),
                dropouts.rows().get(0).stream().map(RoundsTables.Cell::text).toList());
    }

    @Test
    void dropOutsWhoRatedDifferentlyAreFlagged() {
        var study = new concord.analysis.Study("Flagged", List.of(new concord.analysis.Outcome("a", "A", "")),
                List.of(new concord.analysis.StakeholderGroup("1", "Doctor"), new concord.analysis.StakeholderGroup("2", "Patient")),
                concord.analysis.RatingScale.grade(), concord.analysis.ConsensusRule.comet(), List.of());
        var counts = new concord.analysis.DelphiAccumulator(study, List.of(concord.analysis.Round.numbered(1), concord.analysis.Round.numbered(2)));
        for (int i = 0; i < 8; i++) {
            counts.add(new concord.analysis.DelphiParticipant("c" + i, "1", java.util.Map.of(),
                    java.util.Map.of(1, java.util.Map.of("a", 9), 2, java.util.Map.of("a", 9))));
            counts.add(new concord.analysis.DelphiParticipant("d" + i, "1", java.util.Map.of(), java.util.Map.of(1, java.util.Map.of("a", 1))));
        }
        RoundsView flagged = RoundsView.of(concord.analysis.DelphiAnalyzer.withDefaults().analyze(counts)).orElseThrow();
        RoundsView.DropoutRow doctor = flagged.dropouts().get(0);
        // 8 × 9 against 8 × 1: U = 0; ties 2 × (8³ − 8) = 1008; σ² = 64/12 · (17 − 1008/240) = 68.267; z = −32/σ = −3.873
        assertEquals(1.0751e-4, doctor.p().getAsDouble(), 1e-8);
        assertEquals(doctor.p().getAsDouble(), doctor.q().getAsDouble(), 1e-15); // one outcome: q = p
        assertTrue(doctor.flagged());
        RoundsTables.Table table = RoundsTables.of(flagged).get(4);
        assertEquals("yes", table.rows().get(0).get(6).text());
        assertEquals("<0.001", table.rows().get(0).get(4).text());
        assertTrue(table.highlighted().get(0));
        assertTrue(flagged.dropoutSentence().startsWith("Drop-outs: 8 of 16 round-1 respondents"), flagged.dropoutSentence());
        // doctors and all participants flagged; the patients (nobody) cannot be compared
        assertTrue(flagged.dropoutSentence().endsWith("in 2 of 3 comparisons."), flagged.dropoutSentence());
        assertEquals(List.of(true, false, true), flagged.dropouts().stream().map(RoundsView.DropoutRow::flagged).toList());
    }

    private static void response(RoundsView.ResponseRow row, long panel, long[] respondents, double[] ofPanel, double[] ofFirst,
            double[] ofPrevious) {
        assertEquals(panel, row.panel());
        for (int r = 0; r < 3; r++) {
            var response = row.rounds().get(r);
            assertEquals(r + 1, response.round());
            assertEquals(respondents[r], response.respondents(), row.group() + " round " + (r + 1));
            assertEquals(ofPanel[r], response.pctOfPanel().getAsDouble(), 1e-9);
            assertEquals(ofFirst[r], response.pctOfFirstRound().getAsDouble(), 1e-9);
            OptionalDouble previous = response.pctOfPrevious();
            if (Double.isNaN(ofPrevious[r])) {
                assertTrue(previous.isEmpty());
            } else {
                assertEquals(ofPrevious[r], previous.getAsDouble(), 1e-9);
            }
        }
    }
}

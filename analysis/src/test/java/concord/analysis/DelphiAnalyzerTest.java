package concord.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelphiAnalyzerTest {

    private static final Study STUDY = Study.of("rounds", List.of(new Outcome("a", "A", ""), new Outcome("b", "B", "")),
            List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")));
    private static final List<Round> THREE = List.of(Round.numbered(1), Round.numbered(2), Round.numbered(3));

    private static DelphiParticipant p(String id, String group, int[]... rounds) {
        Map<Integer, Map<String, Integer>> byRound = new java.util.HashMap<>();
        for (int r = 0; r < rounds.length; r++) {
            if (rounds[r] != null) {
                byRound.put(r + 1, Map.of("a", rounds[r][0], "b", rounds[r][1]));
            }
        }
        return new DelphiParticipant(id, group, Map.of(), byRound);
    }

    @Test
    void noAnswersAtAll() {
        StudyResult result = DelphiAnalyzer.withDefaults().analyze(new DelphiAccumulator(STUDY, THREE));
        DelphiResult d = result.delphi().orElseThrow();
        assertEquals(StoppingAdvice.Decision.NO_DATA, d.advice().decision());
        assertTrue(d.lastStarted().isEmpty());
        assertEquals(d.rounds().get(0).result().outcomes(), result.outcomes(), "top level falls back to round 1");
        assertTrue(d.stability().get(0).groups().get("Doctor").changes().isEmpty());
    }

    @Test
    void roundsWithoutAnswersAreNotStartedAndHaveNoChanges() {
        DelphiAccumulator counts = new DelphiAccumulator(STUDY, THREE);
        for (int i = 0; i < 6; i++) {
            counts.add(p("d" + i, "1", new int[] {8, 5}));
            counts.add(p("p" + i, "2", new int[] {9, 2}));
        }
        DelphiResult d = DelphiAnalyzer.withDefaults().analyze(counts).delphi().orElseThrow();
        assertTrue(d.rounds().get(0).started());
        assertFalse(d.rounds().get(1).started());
        assertEquals(StoppingAdvice.Decision.ONE_ROUND, d.advice().decision());
        assertEquals("Only round 1 has answers; stability is judged from round 2 on. 2 of the 3 planned rounds remain.",
                d.advice().text());
        GroupStability doctors = d.stability().get(0).groups().get("Doctor");
        assertEquals(List.of(Optional.of(Consensus.CRITICAL), Optional.empty(), Optional.empty()), doctors.consensusByRound());
        assertEquals(OptionalInt.of(1), doctors.consensusReachedInRound());
        assertTrue(doctors.changes().isEmpty());
        GroupAttrition all = d.attrition().all();
        assertEquals(12, all.completers(), "with only round 1 answered, everyone has completed so far");
        assertEquals(0, all.dropouts());
        assertTrue(all.comparisons().get(0).notComputable().get("mannWhitney").contains("only one round"));
    }

    @Test
    void stableWhenNobodyMovesAndTopLevelIsTheLatestRound() {
        DelphiAccumulator counts = new DelphiAccumulator(STUDY, THREE);
        for (int i = 0; i < 6; i++) {
            counts.add(p("d" + i, "1", new int[] {5, 5}, new int[] {8, 5}, new int[] {8, 5}));
            counts.add(p("p" + i, "2", new int[] {9, 2}, new int[] {9, 2}, new int[] {9, 2}));
        }
        StudyResult result = DelphiAnalyzer.withDefaults().analyze(counts);
        DelphiResult d = result.delphi().orElseThrow();
        assertEquals(d.rounds().get(2).result().outcomes(), result.outcomes());
        assertEquals(StoppingAdvice.Decision.STABLE, d.advice().decision());
        assertEquals(4, d.advice().stable());
        GroupStability a = d.stability().get(0).groups().get("Doctor");
        assertEquals(OptionalInt.of(2), a.consensusReachedInRound(), "critical since round 2, neutral in round 1");
        RoundChange first = a.changes().get(0);
        assertEquals(Optional.of(false), first.stable(), "everyone moved from the middle to the top band");
        assertEquals(100.0, first.pctMovedUp().getAsDouble());
        RoundChange second = a.changes().get(1);
        assertEquals(Optional.of(true), second.stable());
        assertTrue(second.wilcoxon().isEmpty() && second.notComputable().get("wilcoxon").contains("same score"));
        assertEquals(List.of("no participant changed score",
                "0.0% of 6 paired participants changed band (within the < 15% limit)"), second.reasons());
        assertEquals(0.0, second.iqrChange().getAsDouble());
        assertTrue(second.chiSquare().isEmpty(), "a single band in both rounds");
    }

    @Test
    void theRuleIsConfigurable() {
        DelphiAccumulator counts = new DelphiAccumulator(STUDY, THREE);
        // 1 of 7 (14.3%) changes band: stable under "< 15%", not under "< 10%".
        for (int i = 0; i < 7; i++) {
            counts.add(p("d" + i, "1", new int[] {8, 5}, new int[] {i == 0 ? 6 : 8, 5}));
        }
        RoundChange loose = DelphiAnalyzer.withDefaults().analyze(counts).delphi().orElseThrow()
                .stability().get(0).groups().get("Doctor").changes().get(0);
        assertEquals(Optional.of(true), loose.stable(), loose.reasons().toString());
        RoundChange strict = DelphiAnalyzer.withDefaults().with(StabilityRule.defaults().withChangedBand(10, false))
                .analyze(counts).delphi().orElseThrow().stability().get(0).groups().get("Doctor").changes().get(0);
        assertEquals(Optional.of(false), strict.stable());
        assertTrue(strict.reasons().get(1).contains("beyond the < 10% limit"), strict.reasons().toString());
        // 7/7 and 6/7 (85.7%) in the top band are both critical under > 80%: the class is unchanged.
        RoundChange consensus = DelphiAnalyzer.withDefaults().with(StabilityRule.defaults().withUnchangedConsensus(true))
                .analyze(counts).delphi().orElseThrow().stability().get(0).groups().get("Doctor").changes().get(0);
        assertEquals(3, consensus.reasons().size());
        assertTrue(consensus.reasons().get(2).startsWith("consensus class"), consensus.reasons().toString());
        assertTrue(StabilityRule.defaults().describe().contains("fewer than 15%"));
        assertTrue(StabilityRule.defaults().withChangedBand(20, true).describe().contains("at most 20%"));
    }

    @Test
    void exampleStudyAdviceAndAttrition() {
        DelphiResult d = DelphiExample.result().delphi().orElseThrow();
        assertEquals(StoppingAdvice.Decision.NOT_STABLE, d.advice().decision());
        assertEquals(3, d.advice().lastRound());
        GroupAttrition doctors = d.attrition().groups().get(0);
        assertEquals(Optional.of("Doctor"), doctors.group());
        assertEquals(8, doctors.panel());
        assertEquals(7, doctors.rounds().get(0).respondents());
        assertEquals(4, doctors.completers());
        assertEquals(3, doctors.dropouts(), "one after round 1, one after round 2, one who skipped round 2");
        assertEquals(Map.of("", 1L, "1", 1L, "1,2", 1L, "1,3", 1L, "1,2,3", 4L), doctors.patterns());
        assertEquals(List.of("", "1", "1,2", "1,3", "1,2,3"), List.copyOf(doctors.patterns().keySet()));
        assertEquals(62.5, doctors.rounds().get(1).pctOfPanel().getAsDouble());
        assertEquals(100.0 * 5 / 7, doctors.rounds().get(1).pctOfFirstRound().getAsDouble(), 1e-12);
        assertTrue(doctors.rounds().get(0).pctOfPrevious().isEmpty());
    }
}

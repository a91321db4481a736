package concord.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsensusRuleTest {

    @Test
    void paperRuleIsStrictAboveEightyAndInclusiveAtFifteen() {
        ConsensusRule rule = ConsensusRule.defaults();
        assertEquals(Consensus.CRITICAL, rule.classify(21, 0, 26));     // 80.8% > 80
        assertEquals(Consensus.NEUTRAL, rule.classify(24, 0, 30));      // 80.0% is not > 80
        assertEquals(Consensus.CRITICAL, rule.classify(85, 15, 100));   // 15% ≤ 15 allowed
        assertEquals(Consensus.NEUTRAL, rule.classify(84, 16, 100));
        assertEquals(Consensus.NOT_IMPORTANT, rule.classify(0, 25, 30));
        assertEquals(Consensus.NEUTRAL, rule.classify(13, 13, 28));     // Stigmatization, patients
    }

    @Test
    void cometRuleIsInclusiveAtSeventyAndStrictBelowFifteen() {
        ConsensusRule comet = ConsensusRule.comet();
        assertEquals(Consensus.CRITICAL, comet.classify(70, 14, 100));
        assertEquals(Consensus.NEUTRAL, comet.classify(70, 15, 100));
        assertEquals(Consensus.NOT_IMPORTANT, comet.classify(0, 7, 10));
        assertEquals(Consensus.NEUTRAL, comet.classify(6, 0, 10));
    }

    @Test
    void thresholdsAndStrictnessAreConfigurable() {
        ConsensusRule rule = ConsensusRule.defaults().withThreshold(50, true).withLimit(0, true);
        assertEquals(Consensus.CRITICAL, rule.classify(5, 0, 10));
        assertEquals(Consensus.NEUTRAL, rule.classify(5, 1, 10));
        assertThrows(IllegalArgumentException.class, () -> ConsensusRule.defaults().withThreshold(101, false));
        assertThrows(IllegalArgumentException.class, () -> ConsensusRule.defaults().withLimit(Double.NaN, false));
        assertThrows(IllegalArgumentException.class, () -> ConsensusRule.defaults().classify(0, 0, 0));
    }

    @Test
    void classifiesHistogramsAndDescribesItself() {
        ScoreHistogram empty = new ScoreHistogram(RatingScale.grade(), new long[9], 3);
        assertTrue(ConsensusRule.defaults().classify(empty).isEmpty());
        assertEquals("critical importance when >80% score 7–9 and ≤15% score 1–3; not important when >80% score "
                        + "1–3 and ≤15% score 7–9; otherwise neutral (valid percentages per group)",
                ConsensusRule.defaults().describe(RatingScale.grade()));
        assertTrue(ConsensusRule.comet().describe(RatingScale.of(0, 10, 3, 7)).startsWith(
                "critical importance when ≥70% score 7–10 and <15% score 0–3"));
    }
}

package concord.analysis.report;

import concord.analysis.ConsensusRule;
import concord.analysis.DelphiAccumulator;
import concord.analysis.DelphiAnalyzer;
import concord.analysis.DelphiParticipant;
import concord.analysis.Outcome;
import concord.analysis.RatingScale;
import concord.analysis.Round;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyResult;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tiny three-round Delphi study whose figures are worked out by hand in RoundsViewTest: two
 * outcomes, two groups of four, a doctor who drops out after round 1, a patient who drops out after
 * round 2 and a patient who never answers. Labels carry markup and Chinese to test escaping and fonts.
 */
public final class RoundsExample {
    public static final String ALPHA = "<b>Alpha</b> & co";
    public static final String BETA = "Beta 睡眠";
    public static final String ROUND_3 = "Round 3 第三轮";

    private RoundsExample() {
    }

    public static Study study() {
        return new Study("Rounds example", List.of(new Outcome("a", ALPHA, "Physiological"), new Outcome("b", BETA, "Life impact")),
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")),
                RatingScale.grade(), ConsensusRule.comet(), List.of());
    }

    public static List<Round> rounds() {
        return List.of(new Round(1, "r1", "Round 1"), new Round(2, "r2", "Round 2"), new Round(3, "r3", ROUND_3));
    }

    /** Scores {a, b} per round; null: round not answered. */
    private static final int[][][] DOCTORS = {
            {{9, 5}, {9, 5}, {9, 5}},
            {{8, 5}, {8, 5}, {8, 5}},
            {{7, 2}, {7, 5}, {7, 5}},
            {{3, 1}, null, null},
    };
    private static final int[][][] PATIENTS = {
            {{9, 9}, {9, 9}, {9, 9}},
            {{9, 8}, {9, 8}, {9, 2}},
            {{8, 7}, {8, 7}, null},
            {null, null, null},
    };

    public static DelphiAccumulator counts() {
        DelphiAccumulator counts = new DelphiAccumulator(study(), rounds());
        int id = 1;
        for (int[][] p : DOCTORS) {
            counts.add(participant(id++, "1", p));
        }
        for (int[][] p : PATIENTS) {
            counts.add(participant(id++, "2", p));
        }
        return counts;
    }

    public static StudyResult result() {
        return DelphiAnalyzer.withDefaults().analyze(counts());
    }

    /** Round 1 alone, as a single survey: a result without the rounds. */
    public static StudyResult singleSurvey() {
        return result().delphi().orElseThrow().rounds().get(0).result();
    }

    private static DelphiParticipant participant(int id, String group, int[][] rounds) {
        Map<Integer, Map<String, Integer>> byRound = new HashMap<>();
        for (int r = 0; r < rounds.length; r++) {
            if (rounds[r] != null) {
                byRound.put(r + 1, Map.of("a", rounds[r][0], "b", rounds[r][1]));
            }
        }
        return new DelphiParticipant("r" + id, group, Map.of(), byRound);
    }
}

package concord.analysis;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small three-round Delphi study for tests: two groups, three outcomes, characteristics, a
 * participant who skips round 2, drop-outs after rounds 1 and 2, and a late gap in one answer.
 */
public final class DelphiExample {

    private DelphiExample() {
    }

    public static Study study() {
        Map<String, String> sex = new LinkedHashMap<>();
        sex.put("1", "female");
        sex.put("2", "male");
        return new Study("Delphi example", List.of(
                new Outcome("pain", "Pain/discomfort", "Physiological"),
                new Outcome("sleep", "Sleep", "Physiological"),
                new Outcome("work", "Return to work", "Role functioning")),
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")),
                RatingScale.grade(), ConsensusRule.comet(),
                List.of(DemographicVariable.continuous("age", "Age (years)"), DemographicVariable.categorical("sex", "Sex", sex)));
    }

    public static List<Round> rounds() {
        return List.of(new Round(1, "round_1_arm_1", "Round 1"), new Round(2, "round_2_arm_1", "Round 2"),
                new Round(3, "round_3_arm_1", "Round 3"));
    }

    /** Scores per round ({@code null}: the round not answered), one row per outcome. */
    private static final int[][][] DOCTORS = {
            {{8, 5, 7}, {8, 6, 7}, {9, 6, 7}},
            {{7, 4, 8}, {8, 5, 8}, {8, 5, 8}},
            {{9, 6, 6}, {9, 6, 7}, {9, 6, 7}},
            {{6, 3, 9}, {7, 4, 9}, null},
            {{8, 5, 8}, null, null},
            {{7, 7, 7}, {7, 6, 7}, {7, 6, 8}},
            {{9, 2, 5}, null, {9, 3, 6}},
    };
    private static final int[][][] PATIENTS = {
            {{9, 8, 4}, {9, 8, 5}, {9, 8, 6}},
            {{8, 9, 3}, {8, 9, 4}, {8, 9, 4}},
            {{9, 7, 5}, {9, 8, 5}, {9, 8, 5}},
            {{6, 9, 2}, {7, 9, 3}, null},
            {{9, 8, 6}, {9, 8, 6}, {9, 8, 7}},
            {{7, 6, 4}, null, null},
    };

    public static DelphiAccumulator counts() {
        DelphiAccumulator counts = new DelphiAccumulator(study(), rounds());
        int id = 1;
        for (int[][] p : DOCTORS) {
            counts.add(participant(id, "1", p));
            id++;
        }
        for (int[][] p : PATIENTS) {
            counts.add(participant(id, "2", p));
            id++;
        }
        // Round 2 of a patient with one unanswered outcome; and a panel member who never answered.
        Map<Integer, Map<String, Integer>> gap = new HashMap<>();
        gap.put(1, Map.of("pain", 8, "sleep", 8, "work", 5));
        Map<String, Integer> second = new HashMap<>();
        second.put("pain", 8);
        second.put("sleep", null);
        second.put("work", 6);
        gap.put(2, second);
        gap.put(3, Map.of("pain", 9, "sleep", 8, "work", 6));
        counts.add(new DelphiParticipant("r" + id++, "2", Map.of("age", "51", "sex", "1"), gap));
        counts.add(new DelphiParticipant("r" + id, "1", Map.of("age", "40", "sex", "2"), Map.of()));
        return counts;
    }

    public static StudyResult result() {
        return DelphiAnalyzer.withDefaults().analyze(counts());
    }

    private static DelphiParticipant participant(int id, String group, int[][] rounds) {
        Map<Integer, Map<String, Integer>> byRound = new HashMap<>();
        for (int r = 0; r < rounds.length; r++) {
            if (rounds[r] != null) {
                byRound.put(r + 1, Map.of("pain", rounds[r][0], "sleep", rounds[r][1], "work", rounds[r][2]));
            }
        }
        return new DelphiParticipant("r" + id, group, Map.of("age", Integer.toString(30 + id * 2), "sex", id % 2 == 0 ? "1" : "2"),
                byRound);
    }
}

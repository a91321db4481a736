package concord.analysis;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DelphiAccumulatorTest {

    @Test
    void countsRoundsPairsPatternsAndRoundOneByPattern() {
        DelphiAccumulator counts = DelphiExample.counts();
        Study study = counts.study();
        int doctor = study.groupIndex("1");
        int pain = study.outcomeIndex("pain");
        assertEquals(7, counts.round(1).participants(doctor), "every doctor but the one who never answered");
        assertEquals(5, counts.round(2).participants(doctor));
        assertEquals(5, counts.round(3).participants(doctor));
        // Doctors who answered rounds 1 and 2: pain 8→8, 7→8, 9→9, 6→7, 7→7.
        PairedHistogram p = counts.pairs(1, pain, doctor);
        assertEquals(5, p.n());
        assertEquals(1, p.count(7, 8));
        assertEquals(1, counts.patternCount(doctor, 0), "panel member without any answer");
        assertEquals(1, counts.patternCount(doctor, 0b101), "answered rounds 1 and 3 only");
        assertEquals(4, counts.patternCount(doctor, 0b111));
        ScoreHistogram skipped = counts.roundOne(0b101, pain, doctor);
        assertEquals(ScoreHistogram.ofScores(study.scale(), 9), skipped);
    }

    @Test
    void aBadValueLeavesTheCountsUnchangedAndNamesThePlace() {
        DelphiAccumulator counts = new DelphiAccumulator(DelphiExample.study(), DelphiExample.rounds());
        Map<Integer, Map<String, Integer>> rounds = new HashMap<>();
        rounds.put(1, Map.of("pain", 8));
        rounds.put(2, Map.of("pain", 12));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> counts.add(new DelphiParticipant("17", "1", Map.of(), rounds)));
        assertTrue(e.getMessage().contains("'17'") && e.getMessage().contains("Round 2") && e.getMessage().contains("'pain'")
                && e.getMessage().contains("12"), e.getMessage());
        assertEquals(0, counts.round(1).participants(0), "round 1 was not counted either");
        e = assertThrows(IllegalArgumentException.class,
                () -> counts.add(new DelphiParticipant("18", "9", Map.of(), Map.of(1, Map.of("pain", 8)))));
        assertTrue(e.getMessage().contains("group code '9'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> counts.add(new DelphiParticipant("19", "1", Map.of(), Map.of(4, Map.of("pain", 8)))));
        assertTrue(e.getMessage().contains("round 4"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> counts.add(new DelphiParticipant("20", "1", Map.of("sex", "x"), Map.of(1, Map.of("pain", 8)))));
        assertTrue(e.getMessage().contains("'sex'"), e.getMessage());
        assertEquals(0, counts.patternCount(0, 1));
    }

    @Test
    void mergingBatchesEqualsOneStream() {
        DelphiAccumulator whole = DelphiExample.counts();
        DelphiAccumulator a = new DelphiAccumulator(DelphiExample.study(), DelphiExample.rounds());
        a.merge(whole);
        DelphiAccumulator b = new DelphiAccumulator(DelphiExample.study(), DelphiExample.rounds());
        b.merge(a);
        assertEquals(StudyResultJson.write(DelphiAnalyzer.withDefaults().analyze(whole)),
                StudyResultJson.write(DelphiAnalyzer.withDefaults().analyze(b)));
        a.merge(whole);
        assertEquals(2 * whole.round(1).participants(0), a.round(1).participants(0));
    }

    @Test
    void countLevelEntryPointsRebuildTheSameAnalysis() {
        DelphiAccumulator whole = DelphiExample.counts();
        Study study = whole.study();
        DelphiAccumulator rebuilt = new DelphiAccumulator(study, DelphiExample.rounds());
        for (int r = 1; r <= 3; r++) {
            rebuilt.addRound(r, whole.round(r));
        }
        for (int g = 0; g < 2; g++) {
            for (int mask = 0; mask < 8; mask++) {
                Set<Integer> answered = new java.util.TreeSet<>(DelphiAccumulator.roundsOf(mask));
                rebuilt.addResponsePattern(g, answered, whole.patternCount(g, mask));
                for (int o = 0; o < 3; o++) {
                    if ((mask & 1) != 0) {
                        rebuilt.addRoundOne(g, o, answered, whole.roundOne(mask, o, g));
                    }
                }
            }
            for (int o = 0; o < 3; o++) {
                rebuilt.addPairs(1, o, g, whole.pairs(1, o, g));
                rebuilt.addPairs(2, o, g, whole.pairs(2, o, g));
            }
        }
        assertEquals(StudyResultJson.write(DelphiAnalyzer.withDefaults().analyze(whole)),
                StudyResultJson.write(DelphiAnalyzer.withDefaults().analyze(rebuilt)));
    }

    @Test
    void theIndexPathCountsWhatParticipantsCount() {
        DelphiAccumulator viaParticipants = new DelphiAccumulator(DelphiExample.study(), DelphiExample.rounds());
        DelphiAccumulator viaIndex = new DelphiAccumulator(DelphiExample.study(), DelphiExample.rounds());
        int n = DelphiAccumulator.NO_SCORE;
        int[][][] participants = {{{8, 5, 7}, {8, n, 7}, {n, n, n}}, {{n, n, n}, {9, 9, 9}, {1, 2, 3}}, {{n, n, n}, {n, n, n}, {n, n, n}},
                {{7, 7, 7}, {7, 6, 7}, {7, 6, 8}}};
        String[] sex = {"1", "2", "1", "2"};
        for (int p = 0; p < participants.length; p++) {
            Map<Integer, Map<String, Integer>> byRound = new HashMap<>();
            for (int r = 0; r < 3; r++) {
                Map<String, Integer> ratings = new HashMap<>();
                String[] fields = {"pain", "sleep", "work"};
                for (int o = 0; o < 3; o++) {
                    if (participants[p][r][o] != n) {
                        ratings.put(fields[o], participants[p][r][o]);
                    }
                }
                if (!ratings.isEmpty()) {
                    byRound.put(r + 1, ratings);
                }
            }
            int group = p % 2;
            viaParticipants.add(new DelphiParticipant("r" + p, String.valueOf(group + 1), Map.of("age", "4" + p, "sex", sex[p]), byRound));
            int answered = viaIndex.add(group, participants[p]);
            viaIndex.addCharacteristic(answered, group, 0, 40 + p);
            viaIndex.addCharacteristicChoice(answered, group, 1, Integer.parseInt(sex[p]) - 1);
        }
        assertEquals(StudyResultJson.write(DelphiAnalyzer.withDefaults().analyze(viaParticipants)),
                StudyResultJson.write(DelphiAnalyzer.withDefaults().analyze(viaIndex)));
        int[][] bad = {{8, 5, 7}, {8, 10, 7}, {n, n, n}};
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> viaIndex.add(0, bad));
        assertTrue(e.getMessage().contains("Round 2") && e.getMessage().contains("'sleep'") && e.getMessage().contains("10"),
                e.getMessage());
        assertEquals(viaParticipants.round(1).participants(0), viaIndex.round(1).participants(0), "unchanged by the refused one");
    }

    @Test
    void refusesUnnumberedTooManyOrHugeRounds() {
        Study study = DelphiExample.study();
        assertThrows(IllegalArgumentException.class, () -> new DelphiAccumulator(study, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new DelphiAccumulator(study, List.of(Round.numbered(2))));
        List<Round> nine = new java.util.ArrayList<>();
        for (int r = 1; r <= 9; r++) {
            nine.add(Round.numbered(r));
        }
        assertThrows(IllegalArgumentException.class, () -> new DelphiAccumulator(study, nine));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DelphiAccumulator(
                study.withScale(RatingScale.of(0, 200, 50, 150)), List.of(Round.numbered(1))));
        assertTrue(e.getMessage().contains("201 points"), e.getMessage());
    }
}

package concord.server.load.internal;

import concord.analysis.DemographicVariable;
import concord.analysis.RatingScale;
import concord.analysis.Study;
import concord.connector.ExportRow;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One exported row of the record being read, parsed as far as the record policy needs: its event and
 * repeat keys, each outcome's score (or why it has none), the group and every characteristic. Reused from
 * record to record; a good row allocates nothing, a bad value keeps its text for the exclusion message.
 */
public final class ParsedRow {
    /** Outcome codes besides a valid score. */
    public static final int EMPTY = Integer.MIN_VALUE;
    public static final int NOT_WHOLE = Integer.MIN_VALUE + 1;
    public static final int OUTSIDE = Integer.MIN_VALUE + 2;
    /** Characteristic states. */
    public static final byte MISSING = 0;
    public static final byte VALUE = 1;
    public static final byte BAD = 2;

    /** How a study's values are recognised: group codes and choice codes as bytes, the scale. */
    public static final class Codes {
        final RatingScale scale;
        final byte[][] groups;
        /** Index of the one-byte code equal to a byte, or -1: the usual codes without a loop. */
        final int[] groupByByte;
        final int[][] choiceByByte;
        final List<String> groupCodes;
        final boolean[] continuous;
        final byte[][][] choices;
        final List<Map<String, Integer>> choiceIndex;
        /** The round field's choice codes (empty: no round field). */
        final List<String> roundCodes;
        final byte[][] rounds;
        final int[] roundByByte;

        public Codes(Study study) {
            this(study, List.of());
        }

        /** @param roundCodes the round field's codes in round order (empty when rounds are not read from a field) */
        public Codes(Study study, List<String> roundCodes) {
            this.roundCodes = List.copyOf(roundCodes);
            this.rounds = plainCodes(this.roundCodes);
            this.roundByByte = byByte(rounds);
            this.scale = study.scale();
            this.groupCodes = study.groups().stream().map(g -> g.code()).toList();
            this.groups = plainCodes(groupCodes);
            this.groupByByte = byByte(groups);
            int n = study.demographics().size();
            this.continuous = new boolean[n];
            this.choices = new byte[n][][];
            this.choiceIndex = new java.util.ArrayList<>();
            this.choiceByByte = new int[n][];
            for (int v = 0; v < n; v++) {
                DemographicVariable d = study.demographics().get(v);
                continuous[v] = d.kind() == DemographicVariable.Kind.CONTINUOUS;
                List<String> codes = List.copyOf(d.choices().keySet());
                choices[v] = plainCodes(codes);
                choiceByByte[v] = byByte(choices[v]);
                Map<String, Integer> index = new HashMap<>();
                for (int i = 0; i < codes.size(); i++) {
                    index.put(codes.get(i), i);
                }
                choiceIndex.add(index);
            }
        }

        private static int[] byByte(byte[][] codes) {
            int[] out = new int[256];
            java.util.Arrays.fill(out, -1);
            for (int i = codes.length - 1; i >= 0; i--) {
                if (codes[i] != null && codes[i].length == 1) {
                    out[codes[i][0] & 0xff] = i;
                }
            }
            return out;
        }

        /** Codes as bytes, null for a code that a byte match would get wrong (blank, or not its own trim). */
        private static byte[][] plainCodes(List<String> codes) {
            byte[][] out = new byte[codes.size()][];
            for (int i = 0; i < codes.size(); i++) {
                String c = codes.get(i);
                out[i] = c.isBlank() || !c.trim().equals(c) ? null : c.getBytes(StandardCharsets.UTF_8);
            }
            return out;
        }
    }

    public String event = "";
    public String repeatInstrument = "";
    public String repeatInstance = "";
    /** Some outcome cell is not blank. */
    public boolean anyOutcome;
    public final int[] scores;
    /** The trimmed text of outcomes that are NOT_WHOLE or OUTSIDE. */
    public final String[] badScores;
    public boolean groupBlank;
    /** Index of the group code, or -1 (then {@link #groupText} holds the trimmed value). */
    public int group;
    public String groupText;
    /** Index of the row's round (round field's code or event), or -1; set for Delphi studies only. */
    public int round = -1;
    public boolean roundBlank;
    /** The trimmed round value when it is not a round. */
    public String roundText;
    public final boolean[] characteristicBlank;
    public final byte[] characteristicState;
    public final double[] characteristicValue;
    public final int[] characteristicChoice;
    public final String[] characteristicText;

    public ParsedRow(Study study) {
        int outcomes = study.outcomes().size();
        int variables = study.demographics().size();
        scores = new int[outcomes];
        badScores = new String[outcomes];
        characteristicBlank = new boolean[variables];
        characteristicState = new byte[variables];
        characteristicValue = new double[variables];
        characteristicChoice = new int[variables];
        characteristicText = new String[variables];
    }

    /** Parses {@code row} (read through {@code plan}); the keys are set by the caller. */
    public void parse(ExportRow row, RecordPlan plan, Codes codes) {
        boolean any = false;
        int[] columns = plan.outcomes;
        for (int o = 0; o < columns.length; o++) {
            int cell = columns[o];
            int v = Cells.plainInt(row, cell);
            if (v >= 0 && codes.scale.contains(v)) {
                scores[o] = v;
                any = true;
                continue;
            }
            if (cell < 0 || row.end(cell) == row.start(cell)) {
                scores[o] = EMPTY;
                continue;
            }
            any |= !Cells.blank(row, cell);
            String raw = Cells.trimmed(row, cell);
            if (raw.isEmpty()) {
                scores[o] = EMPTY;
                continue;
            }
            Integer score = Cells.score(raw);
            scores[o] = score == null ? NOT_WHOLE : codes.scale.contains(score) ? score : OUTSIDE;
            badScores[o] = raw;
        }
        anyOutcome = any;
        group = match(row, plan.group, codes.groups, codes.groupByByte);
        groupBlank = group < 0 && Cells.blank(row, plan.group);
        if (group < 0 && !groupBlank) {
            groupText = Cells.trimmed(row, plan.group);
            group = codes.groupCodes.indexOf(groupText);
        }
        for (int v = 0; v < plan.characteristics.length; v++) {
            characteristic(row, plan.characteristics[v], v, codes);
        }
        if (!codes.roundCodes.isEmpty()) {
            round = match(row, plan.round, codes.rounds, codes.roundByByte);
            roundBlank = round < 0 && Cells.blank(row, plan.round);
            if (round < 0 && !roundBlank) {
                roundText = Cells.trimmed(row, plan.round);
                round = codes.roundCodes.indexOf(roundText);
            }
        }
    }

    private void characteristic(ExportRow row, int cell, int v, Codes codes) {
        if (codes.continuous[v]) {
            int plain = Cells.plainInt(row, cell);
            if (plain >= 0) {
                characteristicBlank[v] = false;
                characteristicState[v] = VALUE;
                characteristicValue[v] = plain;
                return;
            }
        } else {
            int choice = match(row, cell, codes.choices[v], codes.choiceByByte[v]);
            if (choice >= 0) {
                characteristicBlank[v] = false;
                characteristicState[v] = VALUE;
                characteristicChoice[v] = choice;
                return;
            }
        }
        characteristicBlank[v] = Cells.blank(row, cell);
        if (characteristicBlank[v]) {
            characteristicState[v] = MISSING;
            return;
        }
        String raw = Cells.trimmed(row, cell);
        if (raw.isEmpty()) {
            characteristicState[v] = MISSING;
            return;
        }
        if (codes.continuous[v]) {
            Double d = Cells.number(raw);
            characteristicState[v] = d == null ? BAD : VALUE;
            characteristicValue[v] = d == null ? 0 : d;
        } else {
            Integer choice = codes.choiceIndex.get(v).get(raw);
            characteristicState[v] = choice == null ? BAD : VALUE;
            characteristicChoice[v] = choice == null ? -1 : choice;
        }
        characteristicText[v] = raw;
    }

    private static int match(ExportRow row, int cell, byte[][] codes, int[] byByte) {
        if (cell < 0) {
            return -1;
        }
        int from = row.start(cell);
        if (row.end(cell) - from == 1) {
            int i = byByte[row.bytes()[from] & 0xff];
            if (i >= 0) {
                return i;
            }
        }
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] != null && Cells.equals(row, cell, codes[i])) {
                return i;
            }
        }
        return -1;
    }
}

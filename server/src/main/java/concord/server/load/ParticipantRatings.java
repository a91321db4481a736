package concord.server.load;

import concord.analysis.DelphiAccumulator;
import concord.analysis.DelphiParticipant;
import concord.analysis.Study;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Every Delphi participant's ratings of the latest round they answered, kept compactly so that feedback for each
 * participant of a round can be produced after the feed: the record ID's UTF-8 bytes, group and round as one byte
 * each, and one byte per outcome (score − scale minimum + 1; 0 = not rated). A participant costs about
 * (ID length + outcomes + 6) bytes and no objects. Ratings of earlier rounds are not kept: feedback is for the
 * latest round, and whoever answered it has it as their latest.
 */
public final class ParticipantRatings {
    private final Study study;
    private final int outcomes;
    private final int min;
    private byte[] ids = new byte[256];
    private int idBytes;
    /** End of participant i's ID in {@link #ids}. */
    private int[] idEnds = new int[32];
    private byte[] groups = new byte[32];
    private byte[] rounds = new byte[32];
    private byte[] scores;
    private int size;

    public ParticipantRatings(Study study) {
        this.study = study;
        this.outcomes = study.outcomes().size();
        this.min = study.scale().min();
        this.scores = new byte[32 * Math.max(1, outcomes)];
    }

    public Study study() {
        return study;
    }

    /** Participants kept. */
    public int size() {
        return size;
    }

    /**
     * Adds one participant.
     *
     * @param group  index into the study's groups
     * @param round  the latest round answered (1, 2, …)
     * @param scores that round's score per outcome (study order), {@link DelphiAccumulator#NO_SCORE} when not rated
     */
    public void add(byte[] id, int from, int length, int group, int round, int[] scores) {
        if (group < 0 || group > Byte.MAX_VALUE || round < 1 || round > DelphiAccumulator.MAX_ROUNDS) {
            throw new IllegalArgumentException("group " + group + " or round " + round + " out of range");
        }
        grow(length);
        System.arraycopy(id, from, ids, idBytes, length);
        idBytes += length;
        idEnds[size] = idBytes;
        groups[size] = (byte) group;
        rounds[size] = (byte) round;
        int at = size * outcomes;
        for (int o = 0; o < outcomes; o++) {
            int s = scores[o];
            this.scores[at + o] = (byte) (s == DelphiAccumulator.NO_SCORE ? 0 : s - min + 1);
        }
        size++;
    }

    /** Appends the participants of {@code other} (a later part of the same export). */
    void append(ParticipantRatings other) {
        int[] score = new int[outcomes];
        for (int i = 0; i < other.size; i++) {
            for (int o = 0; o < outcomes; o++) {
                score[o] = other.score(i, o);
            }
            int start = i == 0 ? 0 : other.idEnds[i - 1];
            add(other.ids, start, other.idEnds[i] - start, other.groups[i], other.rounds[i], score);
        }
    }

    public String recordId(int i) {
        check(i);
        int start = i == 0 ? 0 : idEnds[i - 1];
        return new String(ids, start, idEnds[i] - start, StandardCharsets.UTF_8);
    }

    /** Index into the study's groups. */
    public int group(int i) {
        check(i);
        return groups[i];
    }

    /** The latest round participant {@code i} answered. */
    public int round(int i) {
        check(i);
        return rounds[i];
    }

    /** The score of outcome {@code o} in {@link #round(int)}, or {@link DelphiAccumulator#NO_SCORE}. */
    public int score(int i, int o) {
        check(i);
        byte b = scores[i * outcomes + o];
        return b == 0 ? DelphiAccumulator.NO_SCORE : b + min - 1;
    }

    /** Participant {@code i} as the analysis takes them: ID, group code and their latest round's ratings only. */
    public DelphiParticipant participant(int i) {
        Map<String, Integer> ratings = new HashMap<>();
        for (int o = 0; o < outcomes; o++) {
            int s = score(i, o);
            if (s != DelphiAccumulator.NO_SCORE) {
                ratings.put(study.outcomes().get(o).field(), s);
            }
        }
        return new DelphiParticipant(recordId(i), study.groups().get(group(i)).code(), Map.of(), Map.of(round(i), ratings));
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("participant " + i + " of " + size);
        }
    }

    private void grow(int idLength) {
        if (size == idEnds.length) {
            int n = size * 2;
            idEnds = Arrays.copyOf(idEnds, n);
            groups = Arrays.copyOf(groups, n);
            rounds = Arrays.copyOf(rounds, n);
            scores = Arrays.copyOf(scores, n * Math.max(1, outcomes));
        }
        if (idBytes + idLength > ids.length) {
            ids = Arrays.copyOf(ids, Math.max(ids.length * 2, idBytes + idLength));
        }
    }
}

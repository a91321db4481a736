package concord.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Streams the participants of a Delphi study (every round of one participant at once) into counts:
 * per round a {@link RatingAccumulator} of that round's respondents, per pair of consecutive rounds
 * a {@link PairedHistogram} per outcome and group, participants per response pattern, and the
 * round-1 histograms split by response pattern (for the drop-out comparison). Memory depends on
 * the study and the number of rounds, never on the number of participants; accumulators of
 * batches merge with {@link #merge(DelphiAccumulator)}.
 *
 * <p>A participant answered a round when the round holds at least one valid rating. Not
 * thread-safe: give each thread its own accumulator and merge them.
 */
public final class DelphiAccumulator {
    /** Most rounds a study may have (response patterns are kept per subset of rounds). */
    public static final int MAX_ROUNDS = 8;
    /** Largest scale for paired counts (points × points per outcome, group and pair of rounds). */
    public static final int MAX_POINTS = 101;
    /** A missing answer in the arrays of {@link #add(int, int[][])}. */
    public static final int NO_SCORE = Integer.MIN_VALUE;

    private final Study study;
    private final List<Round> rounds;
    private final RatingAccumulator[] byRound;
    private final int points;
    private final int outcomes;
    /** [pair][(group * outcomes + outcome) * points² + earlier * points + later]. */
    private final long[][] pairs;
    /** [group][mask of rounds answered]. */
    private final long[][] patterns;
    /** [mask] → round-1 bins per (group, outcome), points + 1 wide (missing last); null until used. */
    private final long[][] roundOne;
    /** Score offsets of the participant being added by the index path, [round][outcome]. */
    private final int[][] scratch;

    public DelphiAccumulator(Study study, List<Round> rounds) {
        this.study = Objects.requireNonNull(study, "study");
        this.rounds = List.copyOf(rounds);
        if (this.rounds.isEmpty() || this.rounds.size() > MAX_ROUNDS) {
            throw new IllegalArgumentException("Study '" + study.title() + "' has " + this.rounds.size()
                    + " rounds; a Delphi analysis needs 1 to " + MAX_ROUNDS);
        }
        for (int i = 0; i < this.rounds.size(); i++) {
            if (this.rounds.get(i).number() != i + 1) {
                throw new IllegalArgumentException("Rounds must be numbered 1, 2, … in order; position " + (i + 1)
                        + " holds round " + this.rounds.get(i).number() + " ('" + this.rounds.get(i).code() + "')");
            }
        }
        points = study.scale().points();
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException("Study '" + study.title() + "': the scale " + study.scale().min() + ".."
                    + study.scale().max() + " has " + points + " points; paired round-to-round counts support at most "
                    + MAX_POINTS);
        }
        outcomes = study.outcomes().size();
        int groups = study.groups().size();
        byRound = new RatingAccumulator[this.rounds.size()];
        for (int r = 0; r < byRound.length; r++) {
            byRound[r] = new RatingAccumulator(study);
        }
        pairs = new long[this.rounds.size() - 1][Math.multiplyExact(groups * outcomes, points * points)];
        patterns = new long[groups][1 << this.rounds.size()];
        roundOne = new long[1 << this.rounds.size()][];
        scratch = new int[this.rounds.size()][outcomes];
    }

    public Study study() {
        return study;
    }

    public List<Round> rounds() {
        return rounds;
    }

    /**
     * Adds one participant: each answered round to that round's counts, the pairs of every two
     * consecutive answered rounds, the response pattern, and the round-1 ratings by pattern.
     *
     * @throws IllegalArgumentException naming the participant, round, field and value when the group,
     *                                  a round number, a score or a characteristic is not valid; the
     *                                  accumulator is then unchanged
     */
    public void add(DelphiParticipant participant) {
        int group = study.groupIndex(participant.groupCode());
        if (group < 0) {
            throw new IllegalArgumentException("Participant '" + participant.id() + "': group code '"
                    + participant.groupCode() + "' is not one of the study's groups "
                    + study.groups().stream().map(StakeholderGroup::code).toList() + "; fix the record");
        }
        int[][] scores = new int[rounds.size()][];
        int mask = 0;
        for (Map.Entry<Integer, Map<String, Integer>> round : participant.ratingsByRound().entrySet()) {
            int r = round.getKey() - 1;
            if (r < 0 || r >= rounds.size()) {
                throw new IllegalArgumentException("Participant '" + participant.id() + "': round " + round.getKey()
                        + " is not one of the study's rounds 1–" + rounds.size());
            }
            scores[r] = scores(participant, rounds.get(r), round.getValue());
            if (scores[r] != null) {
                mask |= 1 << r;
            }
        }
        for (int r = 0; r < rounds.size(); r++) {
            if (scores[r] != null) {
                // Scores are valid; only a characteristic can still be refused, and it would be by the first call.
                byRound[r].add(new Participant(participant.id(), participant.groupCode(), participant.ratings(r + 1),
                        participant.characteristics()));
            }
        }
        addAnswered(group, scores, mask);
    }

    /**
     * The index path of {@link #add(DelphiParticipant)} for readers that parse records in place (no maps):
     * {@code scores[r][o]} is the score of outcome {@code o} in round {@code r + 1}, or {@link #NO_SCORE}; a
     * round without any score is not answered. Characteristics are then given once per participant with the
     * returned mask ({@link #addCharacteristicChoice(int, int, int, int)} and its siblings), so that they
     * count in every round the participant answered.
     *
     * @param group  index into {@link Study#groups()}
     * @param scores one array per round (study outcome order); read, not kept
     * @return the answered rounds, bit {@code r - 1} for round {@code r}
     * @throws IllegalArgumentException when a score is off the scale; the accumulator is then unchanged
     */
    public int add(int group, int[][] scores) {
        checkGroup(group);
        if (scores.length != rounds.size()) {
            throw new IllegalArgumentException("Expected scores of " + rounds.size() + " rounds, got " + scores.length);
        }
        int min = study.scale().min();
        int[][] offsets = scratch;
        int mask = 0;
        for (int r = 0; r < scores.length; r++) {
            int[] in = scores[r];
            int[] out = offsets[r];
            boolean any = false;
            for (int o = 0; o < outcomes; o++) {
                int score = in[o];
                if (score == NO_SCORE) {
                    out[o] = -1;
                    continue;
                }
                if (!study.scale().contains(score)) {
                    throw new IllegalArgumentException(rounds.get(r).label() + ", field '" + study.outcomes().get(o).field()
                            + "': score " + score + " is outside the scale " + study.scale().min() + ".." + study.scale().max());
                }
                out[o] = score - min;
                any = true;
            }
            if (any) {
                mask |= 1 << r;
            }
        }
        for (int r = 0; r < rounds.size(); r++) {
            if ((mask & (1 << r)) != 0) {
                RatingAccumulator round = byRound[r];
                round.addParticipant(group);
                for (int o = 0; o < outcomes; o++) {
                    if (offsets[r][o] >= 0) {
                        round.add(group, o, offsets[r][o] + min);
                    } else {
                        round.addMissing(group, o);
                    }
                }
            }
        }
        addAnswered(group, offsets, mask);
        return mask;
    }

    /** A categorical characteristic (by the position of its code) in every round of {@code answered}. */
    public void addCharacteristicChoice(int answered, int group, int variable, int choice) {
        for (int r = 0; r < byRound.length; r++) {
            if ((answered & (1 << r)) != 0) {
                byRound[r].addCharacteristicChoice(group, variable, choice);
            }
        }
    }

    /** A continuous characteristic in every round of {@code answered}. */
    public void addCharacteristic(int answered, int group, int variable, double value) {
        for (int r = 0; r < byRound.length; r++) {
            if ((answered & (1 << r)) != 0) {
                byRound[r].addCharacteristic(group, variable, value);
            }
        }
    }

    /** A missing characteristic in every round of {@code answered}. */
    public void addCharacteristicMissing(int answered, int group, int variable) {
        for (int r = 0; r < byRound.length; r++) {
            if ((answered & (1 << r)) != 0) {
                byRound[r].addCharacteristicMissing(group, variable);
            }
        }
    }

    /** Pairs, response pattern and round-1 bins of one participant: score offsets (−1 missing) of the rounds in mask. */
    private void addAnswered(int group, int[][] scores, int mask) {
        for (int r = 0; r + 1 < rounds.size(); r++) {
            if ((mask & (3 << r)) == (3 << r)) {
                for (int o = 0; o < outcomes; o++) {
                    int a = scores[r][o];
                    int b = scores[r + 1][o];
                    if (a >= 0 && b >= 0) {
                        pairs[r][(group * outcomes + o) * points * points + a * points + b]++;
                    }
                }
            }
        }
        patterns[group][mask]++;
        if ((mask & 1) != 0) {
            long[] bins = roundOneBins(mask);
            for (int o = 0; o < outcomes; o++) {
                int s = scores[0][o];
                bins[(group * outcomes + o) * (points + 1) + (s >= 0 ? s : points)]++;
            }
        }
    }

    /** Score offsets per outcome (−1 = missing), or null when the round has no valid rating. */
    private int[] scores(DelphiParticipant participant, Round round, Map<String, Integer> ratings) {
        int[] offsets = new int[outcomes];
        boolean any = false;
        for (int o = 0; o < outcomes; o++) {
            Outcome outcome = study.outcomes().get(o);
            Integer score = ratings.get(outcome.field());
            if (score == null) {
                offsets[o] = -1;
            } else if (study.scale().contains(score)) {
                offsets[o] = score - study.scale().min();
                any = true;
            } else {
                throw new IllegalArgumentException("Participant '" + participant.id() + "', " + round.label() + ", field '"
                        + outcome.field() + "': score " + score + " is outside the scale " + study.scale().min() + ".."
                        + study.scale().max() + "; correct the record or leave the answer empty");
            }
        }
        return any ? offsets : null;
    }

    private long[] roundOneBins(int mask) {
        if (roundOne[mask] == null) {
            roundOne[mask] = new long[study.groups().size() * outcomes * (points + 1)];
        }
        return roundOne[mask];
    }

    /** Adds counts of one round (e.g. rebuilt from a stored result). */
    public void addRound(int round, RatingAccumulator counts) {
        byRound[index(round)].merge(counts);
    }

    /** Adds paired counts of {@code fromRound} → {@code fromRound + 1} for one outcome and group (indices into the study). */
    public void addPairs(int fromRound, int outcome, int group, PairedHistogram histogram) {
        int r = index(fromRound);
        if (r + 1 >= rounds.size()) {
            throw new IllegalArgumentException("Round " + fromRound + " is the last round; it has no next round to pair with");
        }
        requireScale(histogram.scale());
        long[][] c = histogram.counts();
        int base = (checkGroup(group) * outcomes + checkOutcome(outcome)) * points * points;
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < points; j++) {
                pairs[r][base + i * points + j] = Math.addExact(pairs[r][base + i * points + j], c[i][j]);
            }
        }
    }

    /** Adds {@code count} participants of a group who answered exactly the given rounds (none: an empty set). */
    public void addResponsePattern(int group, Set<Integer> answered, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Participant count " + count + " must not be negative");
        }
        int g = checkGroup(group);
        patterns[g][mask(answered)] = Math.addExact(patterns[g][mask(answered)], count);
    }

    /** Adds round-1 ratings of one outcome and group by the participants who answered exactly the given rounds. */
    public void addRoundOne(int group, int outcome, Set<Integer> answered, ScoreHistogram histogram) {
        int mask = mask(answered);
        if ((mask & 1) == 0) {
            throw new IllegalArgumentException("Round-1 ratings need a response pattern that contains round 1, got " + answered);
        }
        requireScale(histogram.scale());
        long[] bins = roundOneBins(mask);
        int base = (checkGroup(group) * outcomes + checkOutcome(outcome)) * (points + 1);
        long[] c = histogram.counts();
        for (int i = 0; i < points; i++) {
            bins[base + i] = Math.addExact(bins[base + i], c[i]);
        }
        bins[base + points] = Math.addExact(bins[base + points], histogram.missing());
    }

    /** Adds everything counted by {@code other}, which must be for an equal study and rounds. */
    public void merge(DelphiAccumulator other) {
        if (!study.equals(other.study) || !rounds.equals(other.rounds)) {
            throw new IllegalArgumentException("Cannot merge counts of different Delphi studies: '" + study.title() + "' and '"
                    + other.study.title() + "' differ in outcomes, groups, scale, rule, characteristics or rounds");
        }
        for (int r = 0; r < byRound.length; r++) {
            byRound[r].merge(other.byRound[r]);
        }
        for (int r = 0; r < pairs.length; r++) {
            add(pairs[r], other.pairs[r]);
        }
        for (int g = 0; g < patterns.length; g++) {
            add(patterns[g], other.patterns[g]);
        }
        for (int m = 0; m < roundOne.length; m++) {
            if (other.roundOne[m] != null) {
                add(roundOneBins(m), other.roundOne[m]);
            }
        }
    }

    /** The respondents' counts of one round (the live accumulator; do not add to it). */
    public RatingAccumulator round(int round) {
        return byRound[index(round)];
    }

    /** Paired counts of {@code fromRound} → {@code fromRound + 1}. */
    public PairedHistogram pairs(int fromRound, int outcome, int group) {
        int r = index(fromRound);
        if (r + 1 >= rounds.size()) {
            throw new IllegalArgumentException("Round " + fromRound + " is the last round");
        }
        int base = (checkGroup(group) * outcomes + checkOutcome(outcome)) * points * points;
        long[][] c = new long[points][points];
        for (int i = 0; i < points; i++) {
            System.arraycopy(pairs[r], base + i * points, c[i], 0, points);
        }
        return new PairedHistogram(study.scale(), c);
    }

    /** Participants of a group whose answered rounds are exactly {@code mask} (bit r − 1 for round r). */
    public long patternCount(int group, int mask) {
        return patterns[checkGroup(group)][mask];
    }

    /** Round-1 ratings of one outcome and group by the participants whose answered rounds are exactly {@code mask}. */
    public ScoreHistogram roundOne(int mask, int outcome, int group) {
        long[] bins = roundOne[mask];
        long[] c = new long[points];
        long missing = 0;
        if (bins != null) {
            int base = (checkGroup(group) * outcomes + checkOutcome(outcome)) * (points + 1);
            System.arraycopy(bins, base, c, 0, points);
            missing = bins[base + points];
        }
        return new ScoreHistogram(study.scale(), c, missing);
    }

    private static void add(long[] into, long[] from) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.addExact(into[i], from[i]);
        }
    }

    private int mask(Set<Integer> answered) {
        int mask = 0;
        for (int round : answered) {
            mask |= 1 << index(round);
        }
        return mask;
    }

    private int index(int round) {
        if (round < 1 || round > rounds.size()) {
            throw new IllegalArgumentException("Round " + round + " is not one of the study's rounds 1–" + rounds.size());
        }
        return round - 1;
    }

    private void requireScale(RatingScale scale) {
        if (!scale.equals(study.scale())) {
            throw new IllegalArgumentException("Counts on the scale " + scale.describe() + " differ from the study scale "
                    + study.scale().describe());
        }
    }

    private int checkGroup(int group) {
        if (group < 0 || group >= study.groups().size()) {
            throw new IndexOutOfBoundsException("Group index " + group + " is not in study '" + study.title() + "'");
        }
        return group;
    }

    private int checkOutcome(int outcome) {
        if (outcome < 0 || outcome >= outcomes) {
            throw new IndexOutOfBoundsException("Outcome index " + outcome + " is not in study '" + study.title() + "'");
        }
        return outcome;
    }

    /** Round numbers of a mask, ascending. */
    static List<Integer> roundsOf(int mask) {
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < MAX_ROUNDS; r++) {
            if ((mask & (1 << r)) != 0) {
                out.add(r + 1);
            }
        }
        return out;
    }
}

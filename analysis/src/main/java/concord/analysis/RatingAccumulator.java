package concord.analysis;

import concord.analysis.internal.CharacteristicTally;

import java.util.Objects;

/**
 * Streams ratings into one {@link ScoreHistogram} per outcome and group. Memory depends only on
 * the study (outcomes × groups × scale points), never on the number of participants, so any
 * number of records can pass through once; accumulators of batches, sites or rounds combine with
 * {@link #merge(RatingAccumulator)}.
 *
 * <p>Two ways in: {@link #add(Participant)} validates one participant's record by field names and
 * codes, naming the participant, field and value in every error; the index methods
 * ({@link #addParticipant(int)}, {@link #add(int, int, int)}, {@link #addMissing(int, int)}) take
 * positions in {@link Study#groups()} and {@link Study#outcomes()} and are the fast path.
 *
 * <p>Not thread-safe: give each thread its own accumulator and merge them.
 */
public final class RatingAccumulator {

    private final Study study;
    private static final int MISSING = Integer.MIN_VALUE;

    private final int min;
    private final int points;
    /** Bins per (group, outcome) cell: one per score, then the missing count. */
    private final int width;
    private final int outcomeCount;
    private final int groupCount;
    private final long[] bins;
    private final long[] participants;
    private final String[] outcomeFields;
    /** Reused by {@link #add(Participant)}; one reason the class is not thread-safe. */
    private final int[] scratch;
    /** [variable][group]. */
    private final CharacteristicTally[][] characteristics;

    public RatingAccumulator(Study study) {
        this.study = Objects.requireNonNull(study, "study");
        this.min = study.scale().min();
        this.points = study.scale().points();
        this.width = points + 1;
        this.outcomeCount = study.outcomes().size();
        this.groupCount = study.groups().size();
        this.bins = new long[Math.multiplyExact(Math.multiplyExact(study.groups().size(), outcomeCount), width)];
        this.participants = new long[study.groups().size()];
        this.outcomeFields = study.outcomes().stream().map(Outcome::field).toArray(String[]::new);
        this.scratch = new int[outcomeCount];
        this.characteristics = new CharacteristicTally[study.demographics().size()][study.groups().size()];
        for (int v = 0; v < characteristics.length; v++) {
            for (int g = 0; g < characteristics[v].length; g++) {
                characteristics[v][g] = new CharacteristicTally(study.demographics().get(v));
            }
        }
    }

    public Study study() {
        return study;
    }

    /** Counts one participant of group {@code group} (an index into {@link Study#groups()}). */
    public void addParticipant(int group) {
        checkGroup(group);
        participants[group]++;
    }

    /** Counts {@code count} participants at once, e.g. for a reconstructed data set. */
    public void addParticipants(int group, long count) {
        if (count < 0) {
            throw new IllegalArgumentException("Participant count " + count + " must not be negative");
        }
        checkGroup(group);
        participants[group] = Math.addExact(participants[group], count);
    }

    /**
     * Adds one valid rating.
     *
     * @throws IllegalArgumentException if the score is not on the study's scale
     */
    public void add(int group, int outcome, int score) {
        int offset = score - min;
        // One combined test keeps the hot path to a single branch.
        if (offset < 0 | offset >= points | outcome < 0 | outcome >= outcomeCount | group < 0 | group >= groupCount) {
            throw invalid(group, outcome, score);
        }
        bins[(group * outcomeCount + outcome) * width + offset]++;
    }

    /** Adds one missing answer. */
    public void addMissing(int group, int outcome) {
        checkGroup(group);
        checkOutcome(outcome);
        bins[(group * outcomeCount + outcome) * width + points]++;
    }

    /** Adds a whole histogram to one outcome and group (e.g. from a published table). */
    public void add(int group, int outcome, ScoreHistogram histogram) {
        if (!histogram.scale().equals(study.scale())) {
            throw new IllegalArgumentException("Histogram scale " + histogram.scale().describe()
                    + " differs from the study scale " + study.scale().describe());
        }
        checkGroup(group);
        checkOutcome(outcome);
        int base = (group * outcomeCount + outcome) * width;
        long[] counts = histogram.counts();
        for (int i = 0; i < points; i++) {
            bins[base + i] = Math.addExact(bins[base + i], counts[i]);
        }
        bins[base + points] = Math.addExact(bins[base + points], histogram.missing());
    }

    /** Adds a continuous characteristic value of a participant of {@code group}. */
    public void addCharacteristic(int group, int variable, double value) {
        requireKind(variable, DemographicVariable.Kind.CONTINUOUS);
        characteristics[variable][group].addValue(value);
    }

    /** Adds a categorical characteristic (a choice code) of a participant of {@code group}. */
    public void addCharacteristic(int group, int variable, String code) {
        requireKind(variable, DemographicVariable.Kind.CATEGORICAL);
        if (!characteristics[variable][group].addCategory(code)) {
            DemographicVariable v = study.demographics().get(variable);
            throw new IllegalArgumentException("Characteristic '" + v.field() + "' has no choice '" + code
                    + "'; known codes: " + v.choices().keySet());
        }
    }

    /**
     * Adds a categorical characteristic by the position of its code in the variable's choices (the
     * fast path; {@link #addCharacteristic(int, int, String)} takes the code).
     */
    public void addCharacteristicChoice(int group, int variable, int choice) {
        requireKind(variable, DemographicVariable.Kind.CATEGORICAL);
        characteristics[variable][group].addCategory(choice);
    }

    /** Adds a missing characteristic value. */
    public void addCharacteristicMissing(int group, int variable) {
        characteristics[variable][group].addMissing();
    }

    /**
     * Adds one participant's record: counts the participant in its group, every study outcome
     * (a missing answer where the record has none) and every characteristic.
     *
     * @throws IllegalArgumentException naming the participant, field and value when the group code,
     *                                  a score or a characteristic value is not valid for the study
     */
    public void add(Participant participant) {
        int group = study.groupIndex(participant.groupCode());
        if (group < 0) {
            throw new IllegalArgumentException("Participant '" + participant.id() + "': group code '"
                    + participant.groupCode() + "' is not one of the study's groups "
                    + study.groups().stream().map(StakeholderGroup::code).toList()
                    + "; fix the record or add the group to the study");
        }
        // Validate everything first (into a scratch buffer, one map lookup per field) so that a bad
        // record leaves the accumulator unchanged.
        for (int o = 0; o < outcomeCount; o++) {
            Integer score = participant.ratings().get(outcomeFields[o]);
            if (score == null) {
                scratch[o] = MISSING;
            } else if (study.scale().contains(score)) {
                scratch[o] = score;
            } else {
                throw new IllegalArgumentException("Participant '" + participant.id() + "', field '" + outcomeFields[o]
                        + "': score " + score + " is outside the scale " + study.scale().min() + ".."
                        + study.scale().max() + "; correct the record or leave the answer empty");
            }
        }
        for (int v = 0; v < characteristics.length; v++) {
            DemographicVariable variable = study.demographics().get(v);
            String raw = participant.characteristics().get(variable.field());
            if (raw == null || raw.isBlank()) {
                continue;
            }
            if (variable.kind() == DemographicVariable.Kind.CATEGORICAL
                    ? !variable.choices().containsKey(raw.strip()) : parse(raw) == null) {
                throw new IllegalArgumentException("Participant '" + participant.id() + "', field '"
                        + variable.field() + "': value '" + raw + "' is not "
                        + (variable.kind() == DemographicVariable.Kind.CATEGORICAL
                        ? "one of the codes " + variable.choices().keySet() : "a number")
                        + "; correct the record or leave it empty");
            }
        }
        participants[group]++;
        int base = group * outcomeCount * width;
        for (int o = 0; o < outcomeCount; o++) {
            int score = scratch[o];
            bins[base + o * width + (score == MISSING ? points : score - min)]++;
        }
        for (int v = 0; v < characteristics.length; v++) {
            DemographicVariable variable = study.demographics().get(v);
            String raw = participant.characteristics().get(variable.field());
            if (raw == null || raw.isBlank()) {
                addCharacteristicMissing(group, v);
            } else if (variable.kind() == DemographicVariable.Kind.CATEGORICAL) {
                addCharacteristic(group, v, raw.strip());
            } else {
                addCharacteristic(group, v, parse(raw));
            }
        }
    }

    /** Adds everything counted by {@code other}, which must be for an equal study. */
    public void merge(RatingAccumulator other) {
        if (!study.equals(other.study)) {
            throw new IllegalArgumentException("Cannot merge counts of different studies: '" + study.title()
                    + "' and '" + other.study.title() + "' differ in outcomes, groups, scale, rule or characteristics");
        }
        for (int i = 0; i < bins.length; i++) {
            bins[i] = Math.addExact(bins[i], other.bins[i]);
        }
        for (int g = 0; g < participants.length; g++) {
            participants[g] = Math.addExact(participants[g], other.participants[g]);
        }
        for (int v = 0; v < characteristics.length; v++) {
            for (int g = 0; g < characteristics[v].length; g++) {
                characteristics[v][g].merge(other.characteristics[v][g]);
            }
        }
    }

    /** The histogram of one outcome in one group (indices into the study's lists). */
    public ScoreHistogram histogram(int outcome, int group) {
        checkGroup(group);
        checkOutcome(outcome);
        int base = (group * outcomeCount + outcome) * width;
        long[] counts = new long[points];
        System.arraycopy(bins, base, counts, 0, points);
        return new ScoreHistogram(study.scale(), counts, bins[base + points]);
    }

    /** Participants counted in a group. */
    public long participants(int group) {
        return participants[group];
    }

    /** The summary of one characteristic in one group. */
    public CharacteristicSummary characteristic(int variable, int group) {
        return characteristics[variable][group].summary();
    }

    private void requireKind(int variable, DemographicVariable.Kind kind) {
        DemographicVariable v = study.demographics().get(variable);
        if (v.kind() != kind) {
            throw new IllegalArgumentException("Characteristic '" + v.field() + "' is " + v.kind()
                    + ", not " + kind);
        }
    }

    private void checkGroup(int group) {
        if (group < 0 || group >= groupCount) {
            throw new IndexOutOfBoundsException("Group index " + group + " is not in study '" + study.title()
                    + "' (it has " + groupCount + " groups); use Study.groupIndex(code)");
        }
    }

    private void checkOutcome(int outcome) {
        if (outcome < 0 || outcome >= outcomeCount) {
            throw new IndexOutOfBoundsException("Outcome index " + outcome + " is not in study '" + study.title()
                    + "' (it has " + outcomeCount + " outcomes); use Study.outcomeIndex(field)");
        }
    }

    private RuntimeException invalid(int group, int outcome, int score) {
        checkGroup(group);
        checkOutcome(outcome);
        return new IllegalArgumentException("Field '" + study.outcomes().get(outcome).field() + "', group '"
                + study.groups().get(group).label() + "': score " + score + " is outside the scale "
                + study.scale().min() + ".." + study.scale().max());
    }

    private static Double parse(String raw) {
        try {
            double d = Double.parseDouble(raw.strip());
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

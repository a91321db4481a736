package concord.server.load;

import concord.analysis.DelphiAccumulator;
import concord.analysis.DemographicVariable;
import concord.analysis.RatingAccumulator;
import concord.analysis.Study;
import concord.server.load.internal.ParsedRow;
import concord.server.load.internal.PendingRows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The Delphi half of {@link RecordFeed}: a record's rows sorted into rounds (by event or by the round field's value),
 * counted into a {@link DelphiAccumulator}, and the latest answered round's scores kept per participant in
 * {@link ParticipantRatings} for feedback. A round value that is not a round, ratings in a row without a round, and a
 * second answered row of the same round are named as issues (the first answered row of a round, by instance, is
 * analysed). The group and the characteristics come from the first row that has them (in a longitudinal project
 * often only the first event); a later row with another group is named.
 */
final class RoundFeed {
    /** Where the feed's issues go. */
    interface Issues {
        void add(String record, String field, String value, String problem);
    }

    private final LoadedStudy loaded;
    private final Study study;
    private final StudyRounds rounds;
    private final String repeatInstance;
    private final Issues issues;
    final DelphiAccumulator delphi;
    final ParticipantRatings ratings;
    /** [round][outcome] scores of the record being flushed. */
    private final int[][] roundScores;
    private final int[] roundRows;
    private List<ParsedRow> pool;
    private byte[] id;
    private int idLength;

    RoundFeed(LoadedStudy loaded, String repeatInstance, Issues issues) {
        this.loaded = loaded;
        this.study = loaded.study();
        this.rounds = loaded.rounds();
        this.repeatInstance = repeatInstance;
        this.issues = issues;
        this.delphi = new DelphiAccumulator(study, rounds.rounds());
        this.ratings = new ParticipantRatings(study);
        this.roundScores = new int[rounds.rounds().size()][study.outcomes().size()];
        this.roundRows = new int[rounds.rounds().size()];
    }

    /** Adds the counts and participants of a later part of the same export. */
    void merge(RoundFeed other) {
        delphi.merge(other.delphi);
        ratings.append(other.ratings);
    }

    /** The counts of the latest round anybody answered (round 1 when none was). */
    RatingAccumulator latestRound() {
        for (int r = delphi.rounds().size(); r > 1; r--) {
            RatingAccumulator round = delphi.round(r);
            for (int g = 0; g < delphi.study().groups().size(); g++) {
                if (round.participants(g) > 0) {
                    return round;
                }
            }
        }
        return delphi.round(1);
    }

    /**
     * One record: each round's row, then the group, scores and characteristics into {@link #delphi}, and the latest
     * answered round's scores into {@link #ratings}. False when the record is left out (no valid group).
     */
    boolean flush(List<ParsedRow> pool, int rows, byte[] id, int idLength) {
        this.pool = pool;
        this.id = id;
        this.idLength = idLength;
        int groupRow = PendingRows.firstNonBlankGroup(pool, rows);
        ParsedRow g = groupRow < 0 ? null : pool.get(groupRow);
        if (g == null || (g.group < 0 && g.groupText.isEmpty())) {
            issue(recordId(), loaded.groupField(), "", "no stakeholder group: the record is left out; fill in "
                    + loaded.groupField() + ".");
            return false;
        }
        if (g.group < 0) {
            issue(recordId(), loaded.groupField(), g.groupText, "not one of the group codes "
                    + study.groups().stream().map(x -> x.code()).toList() + ": the record is left out; correct the value.");
            return false;
        }
        int group = g.group;
        for (int k = groupRow + 1; k < rows; k++) {
            ParsedRow p = pool.get(k);
            if (!p.groupBlank && p.group != group) {
                issue(recordId(), loaded.groupField(), p.group >= 0 ? study.groups().get(p.group).code() : p.groupText,
                        "the group in " + PendingRows.place(p) + " differs from '" + study.groups().get(group).code() + "' in " + PendingRows.place(g)
                        + ": the earlier is used; correct the record.");
            }
        }
        Arrays.fill(roundRows, -1);
        for (int k = 0; k < rows; k++) {
            ParsedRow p = pool.get(k);
            if (!p.repeatInstrument.isEmpty() && !loaded.ratingForms().contains(p.repeatInstrument)) {
                continue;
            }
            if (!rounds.byEvent() && loaded.event() != null && !loaded.event().equals(p.event)) {
                continue;
            }
            if (repeatInstance != null && !p.repeatInstance.isEmpty() && !repeatInstance.equals(p.repeatInstance.trim())) {
                continue;
            }
            int r = p.round;
            if (r < 0) {
                if (rounds.byEvent()) {
                    if (p.anyOutcome) {
                        issue(recordId(), "redcap_event_name", p.event, "ratings in an event that is not a round " + rounds.codes()
                                + ": left out.");
                    }
                } else if (!p.roundBlank) {
                    issue(recordId(), rounds.field(), p.roundText, "not one of the rounds " + rounds.codes()
                            + ": the row's ratings are left out; correct the value.");
                } else if (p.anyOutcome) {
                    issue(recordId(), rounds.field(), "", "ratings without a round" + " (" + PendingRows.place(p) + ")" + ": left out; fill in "
                            + rounds.field() + ".");
                }
                continue;
            }
            if (!p.anyOutcome) {
                continue;
            }
            int earlier = roundRows[r];
            if (earlier < 0) {
                roundRows[r] = k;
                continue;
            }
            ParsedRow e = pool.get(earlier);
            ParsedRow first = PendingRows.instance(e.repeatInstance) <= PendingRows.instance(p.repeatInstance) ? e : p;
            ParsedRow second = first == e ? p : e;
            roundRows[r] = first == e ? earlier : k;
            issue(recordId(), rounds.byEvent() ? "redcap_event_name" : rounds.field(), rounds.rounds().get(r).code(),
                    rounds.rounds().get(r).label() + " answered twice (" + PendingRows.place(first) + " and " + PendingRows.place(second)
                    + "): the second is left out; delete one of them.");
        }
        int outcomes = study.outcomes().size();
        for (int r = 0; r < roundRows.length; r++) {
            int[] scores = roundScores[r];
            ParsedRow p = roundRows[r] < 0 ? null : pool.get(roundRows[r]);
            for (int o = 0; o < outcomes; o++) {
                int score = p == null ? ParsedRow.EMPTY : p.scores[o];
                if (score > ParsedRow.OUTSIDE) {
                    scores[o] = score;
                    continue;
                }
                scores[o] = DelphiAccumulator.NO_SCORE;
                if (score == ParsedRow.NOT_WHOLE) {
                    issue(recordId(), study.outcomes().get(o).field(), p.badScores[o], rounds.rounds().get(r).label()
                            + ": not a whole number: excluded; enter a score " + study.scale().min() + "–" + study.scale().max()
                            + " or leave it empty.");
                } else if (score == ParsedRow.OUTSIDE) {
                    issue(recordId(), study.outcomes().get(o).field(), p.badScores[o], rounds.rounds().get(r).label()
                            + ": outside the scale " + study.scale().min() + "–" + study.scale().max() + ": excluded; correct the value.");
                }
            }
        }
        int answered = delphi.add(group, roundScores);
        if (answered != 0) {
            int latest = 31 - Integer.numberOfLeadingZeros(answered);
            ratings.add(id, 0, idLength, group, latest + 1, roundScores[latest]);
        }
        for (int v = 0; v < study.demographics().size(); v++) {
            int from = PendingRows.firstNonBlankCharacteristic(pool, rows, v);
            ParsedRow c = from < 0 ? null : pool.get(from);
            byte state = c == null ? ParsedRow.MISSING : c.characteristicState[v];
            DemographicVariable variable = study.demographics().get(v);
            if (state == ParsedRow.VALUE) {
                if (variable.kind() == DemographicVariable.Kind.CATEGORICAL) {
                    delphi.addCharacteristicChoice(answered, group, v, c.characteristicChoice[v]);
                } else {
                    delphi.addCharacteristic(answered, group, v, c.characteristicValue[v]);
                }
                continue;
            }
            delphi.addCharacteristicMissing(answered, group, v);
            if (state == ParsedRow.BAD) {
                issue(recordId(), variable.field(), c.characteristicText[v], (variable.kind() == DemographicVariable.Kind.CATEGORICAL
                        ? "not one of the codes " + variable.choices().keySet() : "not a number") + ": excluded.");
            }
        }
        return true;
    }


    private String recordId() {
        return new String(id, 0, idLength, StandardCharsets.UTF_8);
    }

    private void issue(String record, String field, String value, String problem) {
        issues.add(record, field, value, problem);
    }
}

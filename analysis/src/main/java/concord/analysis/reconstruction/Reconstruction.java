package concord.analysis.reconstruction;

import concord.analysis.RatingScale;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Score histograms reproducing a published table, one per printed row, and the individual
 * participants they imply.
 *
 * @param table the table reconstructed
 * @param scale the rating scale
 * @param seed  the seed that chose among equally good histograms and assigns ratings to participants
 * @param rows  one reconstructed row per printed row, in printed order
 * @param rankSumMatches for each outcome with a printed rank-sum P (two groups), how the chosen pair
 *                       of histograms meets it; empty when rank-sum matching is off
 */
public record Reconstruction(PublishedTable table, RatingScale scale, long seed, List<ReconstructedRow> rows,
                             List<RankSumMatch> rankSumMatches) {

    public Reconstruction {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(scale, "scale");
        rows = List.copyOf(rows);
        rankSumMatches = List.copyOf(rankSumMatches);
    }

    /** The reconstruction of an outcome in a group, if the table printed that row. */
    public Optional<ReconstructedRow> row(String outcome, String group) {
        return rows.stream().filter(r -> r.outcome().equals(outcome) && r.group().equals(group)).findFirst();
    }

    /** Rows in a status. */
    public List<ReconstructedRow> rows(RowStatus status) {
        return rows.stream().filter(r -> r.status() == status).toList();
    }

    /**
     * Individual participants: for each group, {@code groupSizes.get(group)} participants; for each
     * outcome, {@code size - n} of them chosen at random (from the seed) leave it unanswered and the
     * others get the histogram's scores in random order. The same seed gives the same participants.
     *
     * @throws IllegalArgumentException if a group has no size or fewer participants than some row's n
     */
    public List<ReconstructedParticipant> participants(Map<String, Integer> groupSizes) {
        SplittableRandom random = new SplittableRandom(seed);
        List<ReconstructedParticipant> all = new ArrayList<>();
        for (String group : table.groups()) {
            Integer size = groupSizes.get(group);
            if (size == null) {
                throw new IllegalArgumentException("No size given for group '" + group + "' of " + table.source()
                        + "; pass the number of participants of every group (" + table.groups() + ")");
            }
            List<Map<String, Integer>> ratings = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ratings.add(new LinkedHashMap<>());
            }
            for (ReconstructedRow row : rows) {
                if (row.group().equals(group)) {
                    assign(row, size, ratings, random);
                }
            }
            for (int i = 0; i < size; i++) {
                all.add(new ReconstructedParticipant(group, i + 1, ratings.get(i)));
            }
        }
        return all;
    }

    private void assign(ReconstructedRow row, int size, List<Map<String, Integer>> ratings, SplittableRandom random) {
        if (row.n() > size) {
            throw new IllegalArgumentException("Row " + row.published().describe() + " has n = " + row.n()
                    + " valid answers but the group has only " + size + " participants; give a larger group size");
        }
        int[] who = shuffle(identity(size), random);
        int[] scores = shuffle(scores(row), random);
        int missing = size - scores.length;
        for (int j = 0; j < scores.length; j++) {
            ratings.get(who[missing + j]).put(row.outcome(), scores[j]);
        }
    }

    private int[] scores(ReconstructedRow row) {
        int[] scores = new int[row.n()];
        long[] counts = row.histogram().counts();
        int k = 0;
        for (int i = 0; i < counts.length; i++) {
            for (long c = 0; c < counts[i]; c++) {
                scores[k++] = scale.min() + i;
            }
        }
        return scores;
    }

    private static int[] identity(int size) {
        int[] a = new int[size];
        for (int i = 0; i < size; i++) {
            a[i] = i;
        }
        return a;
    }

    private static int[] shuffle(int[] a, SplittableRandom random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }
}

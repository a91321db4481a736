package concord.analysis.reconstruction;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;
import concord.analysis.reconstruction.internal.ClosestSearch;
import concord.analysis.reconstruction.internal.HistogramSearch;
import concord.analysis.reconstruction.internal.ImpossibleCellReasons;
import concord.analysis.reconstruction.internal.RankSumPairing;
import concord.analysis.reconstruction.internal.RowCells;
import concord.analysis.reconstruction.internal.RowDiagnosis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Reconstructs score histograms from a {@link PublishedTable}, row by row. Every printed number is
 * read with its own printed precision (a mean printed "8" is 7.5–8.5, "7.88" is 7.875–7.885).
 * <ol>
 *   <li><b>Every consistent histogram.</b> For every n in the group's range, every band count whose
 *       percentages print as the printed ones, and every way of spreading each band's count over its
 *       scores: the histograms whose mean, SD (n − 1), median and quartiles (SPSS HAVERAGE) also print
 *       as printed. The search is exhaustive, so a row is <i>unique</i>, <i>several</i> (how many) or
 *       <i>none</i> as a matter of fact.</li>
 *   <li><b>Impossible cells.</b> For a row no histogram fits, each printed cell is left out in turn;
 *       the cells whose removal leaves fitting histograms are the impossible ones, each with the reason
 *       ({@link ImpossibleCell}). When no single cell does it, pairs of cells.</li>
 *   <li><b>Choice.</b> Among the histograms that fit (for an impossible row: that fit once the impossible
 *       cell is given up, preferring to keep the printed % 7–9, which drives the consensus rule) those with
 *       the larger n (fewer missing answers), then those whose quartiles are exactly the printed values
 *       (papers print HAVERAGE quartiles exactly, e.g. "7.75").</li>
 *   <li><b>Pairing.</b> With two groups and a printed rank-sum P, the pair of candidate histograms
 *       (one per group) whose Mann–Whitney P agrees with it is preferred, or else the closest
 *       ({@link RankSumMatch}). Among equally good histograms or pairs the seed picks one.</li>
 * </ol>
 * All statistics come from {@link ScoreHistogram}. Immutable; configure with the {@code with...} methods.
 */
public final class DatasetReconstructor {

    /** Inclusive range of plausible n for a group, e.g. 22–26 doctors. */
    public record SizeRange(int min, int max) {
        public SizeRange {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("Group size range " + min + "–" + max
                        + " is empty; give 1 <= min <= max");
            }
        }
    }

    private final RatingScale scale;
    private final long seed;
    private final Map<String, SizeRange> sizes;
    private final boolean rankSumMatching;

    private DatasetReconstructor(RatingScale scale, long seed, Map<String, SizeRange> sizes, boolean rankSumMatching) {
        this.scale = Objects.requireNonNull(scale, "scale");
        this.seed = seed;
        this.sizes = Collections.unmodifiableMap(new LinkedHashMap<>(sizes));
        this.rankSumMatching = rankSumMatching;
    }

    /** GRADE 1–9, seed 1, rank-sum matching on, no group sizes yet (every group needs {@link #withGroupSize}). */
    public static DatasetReconstructor withDefaults() {
        return new DatasetReconstructor(RatingScale.grade(), 1L, Map.of(), true);
    }

    public DatasetReconstructor withScale(RatingScale scale) {
        return new DatasetReconstructor(scale, seed, sizes, rankSumMatching);
    }

    public DatasetReconstructor withSeed(long seed) {
        return new DatasetReconstructor(scale, seed, sizes, rankSumMatching);
    }

    /** Whether to pair histograms so that printed rank-sum P values are met where possible (default on). */
    public DatasetReconstructor withRankSumMatching(boolean on) {
        return new DatasetReconstructor(scale, seed, sizes, on);
    }

    /** The range of n the rows of {@code group} may have (its size, less the missing answers). */
    public DatasetReconstructor withGroupSize(String group, int minN, int maxN) {
        Map<String, SizeRange> copy = new LinkedHashMap<>(sizes);
        copy.put(group, new SizeRange(minN, maxN));
        return new DatasetReconstructor(scale, seed, copy, rankSumMatching);
    }

    public long seed() {
        return seed;
    }

    public RatingScale scale() {
        return scale;
    }

    public Map<String, SizeRange> groupSizes() {
        return sizes;
    }

    /**
     * Reconstructs every row.
     *
     * @throws IllegalArgumentException if a group of the table has no {@linkplain #withGroupSize size range}
     */
    public Reconstruction reconstruct(PublishedTable table) {
        for (String group : table.groups()) {
            if (!sizes.containsKey(group)) {
                throw new IllegalArgumentException("Group '" + group + "' of " + table.source()
                        + " has no size range; call withGroupSize(\"" + group + "\", minN, maxN)");
            }
        }
        List<Searched> searched = table.rows().stream().map(this::search).toList();
        Map<PublishedRow, ScoreHistogram> chosen = new IdentityHashMap<>();
        for (Searched s : searched) {
            List<ScoreHistogram> best = leastPenalty(s.candidates(), s.cells());
            SplittableRandom random = new SplittableRandom(seed ^ (s.row().outcome() + '\u0000' + s.row().group()).hashCode());
            chosen.put(s.row(), best.get(random.nextInt(best.size())));
        }
        List<RankSumMatch> matches = new ArrayList<>();
        Map<PublishedRow, String> pairingNotes = new IdentityHashMap<>();
        if (rankSumMatching && table.groups().size() == 2) {
            for (String outcome : table.outcomes()) {
                pair(outcome, table.groups(), searched, chosen, matches, pairingNotes);
            }
        }
        List<ReconstructedRow> rows = new ArrayList<>();
        for (Searched s : searched) {
            rows.add(row(s, chosen.get(s.row()), pairingNotes.get(s.row())));
        }
        return new Reconstruction(table, scale, seed, rows, matches);
    }

    /**
     * A row's search result.
     *
     * @param consistent histograms fitting every printed cell (0: none)
     * @param fitsByN    how many of them have each n, larger n first
     * @param impossible the impossible cells of a row that none fits
     * @param givenUp    the impossible cell the candidates do without, with its reason
     * @param candidates the histograms the choice is made among
     */
    private record Searched(PublishedRow row, RowCells cells, SizeRange range, long consistent, Map<Long, Long> fitsByN,
                            List<ImpossibleCell> impossible, ImpossibleCell givenUp, List<ScoreHistogram> candidates) {
    }

    private Searched search(PublishedRow row) {
        SizeRange range = sizes.get(row.group());
        RowCells cells = RowCells.of(row);
        HistogramSearch search = new HistogramSearch(scale);
        HistogramSearch.Fits fits = search.all(cells, range.min(), range.max());
        if (!fits.none()) {
            return new Searched(row, cells, range, fits.count(), byN(fits), List.of(), null, fits.largestN());
        }
        ImpossibleCellReasons reasons = new ImpossibleCellReasons(scale, range.min(), range.max());
        List<RowDiagnosis.Culprit> culprits = RowDiagnosis.culprits(search, cells, range.min(), range.max());
        List<ImpossibleCell> impossible = new ArrayList<>();
        for (RowDiagnosis.Culprit c : culprits) {
            String reason = c.cells().size() == 1 ? reasons.reason(cells, c.cells().get(0), c.fitsWithout())
                    : reasons.pairReason(c.cells(), c.fitsWithout());
            impossible.add(new ImpossibleCell(c.cells(), c.cells().stream().map(s -> cells.printed(s).text()).toList(),
                    reason, c.fitsWithout().count()));
        }
        if (culprits.isEmpty()) {
            return new Searched(row, cells, range, 0, Map.of(), List.of(), null,
                    new ClosestSearch(scale).closest(cells, range.min(), range.max()));
        }
        // Keep the printed % 7–9 where possible (it drives the consensus rule), then the first cell in column order.
        int given = 0;
        for (int i = 1; i < culprits.size(); i++) {
            if (preference(culprits.get(i)) < preference(culprits.get(given))) {
                given = i;
            }
        }
        return new Searched(row, cells, range, 0, Map.of(), impossible, impossible.get(given),
                culprits.get(given).fitsWithout().largestN());
    }

    private static int preference(RowDiagnosis.Culprit c) {
        return c.cells().contains(Statistic.PERCENT_TOP) ? 1 : 0;
    }

    private static Map<Long, Long> byN(HistogramSearch.Fits fits) {
        Map<Long, Long> counts = new java.util.TreeMap<>(Comparator.reverseOrder());
        fits.histograms().forEach(h -> counts.merge(h.n(), 1L, Long::sum));
        return counts;
    }

    /** Quartiles and median that are not exactly the printed value (they only round to it). */
    private static int penalty(RowCells cells, ScoreHistogram h) {
        int penalty = 0;
        for (Statistic s : List.of(Statistic.MEDIAN, Statistic.Q1, Statistic.Q3)) {
            if (cells.has(s) && Math.abs(RowCells.value(s, h) - cells.printed(s).value()) > 1e-9) {
                penalty++;
            }
        }
        return penalty;
    }

    private static List<ScoreHistogram> leastPenalty(List<ScoreHistogram> candidates, RowCells cells) {
        int least = candidates.stream().mapToInt(h -> penalty(cells, h)).min().orElse(0);
        return candidates.stream().filter(h -> penalty(cells, h) == least).toList();
    }

    private void pair(String outcome, List<String> groups, List<Searched> searched, Map<PublishedRow, ScoreHistogram> chosen,
                      List<RankSumMatch> matches, Map<PublishedRow, String> notes) {
        Searched a = find(searched, outcome, groups.get(0));
        Searched b = find(searched, outcome, groups.get(1));
        if (a == null || b == null) {
            return;
        }
        PublishedRow bearer = !a.row().pRankSum().isBlank() ? a.row() : b.row();
        String printed = bearer.pRankSum();
        if (printed.isBlank()) {
            return;
        }
        RankSumPairing.Choice choice = RankSumPairing.choose(a.candidates(), b.candidates(), printed,
                h -> penalty(a.cells(), h), h -> penalty(b.cells(), h),
                new SplittableRandom(seed ^ outcome.hashCode()));
        if (choice == null) {
            return;
        }
        chosen.put(a.row(), choice.a());
        chosen.put(b.row(), choice.b());
        matches.add(new RankSumMatch(outcome, printed, choice.p(), choice.agrees(), choice.tried(), choice.agreeing()));
        notes.put(bearer, "rank-sum P printed " + printed + (choice.agrees()
                ? ": reproduced (" + choice.agreeing() + " of " + choice.tried() + " histogram pairs agree)"
                : ": no pair of fitting histograms reproduces it (" + choice.tried() + " pairs tried); nearest "
                        + format(choice.p(), 3)));
    }

    private static Searched find(List<Searched> searched, String outcome, String group) {
        return searched.stream().filter(s -> s.row().outcome().equals(outcome) && s.row().group().equals(group))
                .findFirst().orElse(null);
    }

    private ReconstructedRow row(Searched s, ScoreHistogram chosen, String pairingNote) {
        PublishedRow row = s.row();
        List<String> notes = new ArrayList<>();
        notes.add(sizeNote(s, chosen));
        notes.addAll(row.problems());
        if (pairingNote != null) {
            notes.add(pairingNote);
        }
        RowStatus status = s.consistent() == 0 ? RowStatus.NONE : s.consistent() == 1 ? RowStatus.UNIQUE : RowStatus.SEVERAL;
        return new ReconstructedRow(row, chosen, status, s.consistent(), s.impossible(),
                discrepancies(s, chosen), notes, s.candidates().size());
    }

    private static String sizeNote(Searched s, ScoreHistogram chosen) {
        String note = "n = " + chosen.n() + " (band counts 7–9/4–6/1–3 = " + chosen.bandCount(Band.TOP) + "/"
                + chosen.bandCount(Band.MIDDLE) + "/" + chosen.bandCount(Band.BOTTOM) + " of " + chosen.n() + ")";
        List<Long> others = s.fitsByN().keySet().stream().filter(n -> n != chosen.n()).toList();
        if (!others.isEmpty()) {
            note += "; n = " + others + " also fit every printed cell, the larger n (fewer missing answers) is used";
        }
        return note;
    }

    private List<Discrepancy> discrepancies(Searched s, ScoreHistogram h) {
        List<Discrepancy> out = new ArrayList<>();
        for (Statistic st : s.cells().misses(h)) {
            PrintedNumber printed = s.cells().printed(st);
            double actual = RowCells.value(st, h);
            String shown = st.isPercent() ? format(actual, 1)
                    : Double.isNaN(st.quantileProbability()) ? format(actual, Math.max(1, printed.decimals()))
                    : quantile(actual);
            String reason = s.givenUp() != null && s.givenUp().statistics().contains(st) ? s.givenUp().reason()
                    : "more than two printed cells of this row would have to change; this is the closest histogram";
            out.add(new Discrepancy(st, printed.text(), shown, reason));
        }
        return out;
    }

    static String format(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /** Quantiles of integer data are multiples of 0.25: print them exactly, without trailing zeros. */
    static String quantile(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }
}

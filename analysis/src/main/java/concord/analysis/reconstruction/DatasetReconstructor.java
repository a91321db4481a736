package concord.analysis.reconstruction;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;
import concord.analysis.reconstruction.internal.BandCountInference;
import concord.analysis.reconstruction.internal.BandCounts;
import concord.analysis.reconstruction.internal.Fit;
import concord.analysis.reconstruction.internal.HistogramSearch;
import concord.analysis.reconstruction.internal.RankSumPairing;
import concord.analysis.reconstruction.internal.RowTarget;

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
 * Reconstructs score histograms from a {@link PublishedTable}, row by row:
 * <ol>
 *   <li><b>n and band counts.</b> For every n in the group's allowed range, the whole counts whose
 *       valid percentages round to the printed ones. If no n fits (a typo), every reading that misses
 *       as few printed percentages as possible stays a candidate.</li>
 *   <li><b>Split inside the bands.</b> For each candidate, every way of spreading each band's count
 *       over its scores is tried, keeping the histograms whose mean, SD (n − 1), median and
 *       quartiles (SPSS HAVERAGE) reproduce the printed values within rounding, or else come closest.</li>
 *   <li><b>Choice.</b> The candidate with the fewest mismatching statistics wins; ties go to the
 *       reading that keeps the printed % 7–9 (it drives the consensus rule), then to the larger n
 *       (fewer missing answers).</li>
 *   <li><b>Pairing.</b> With two groups and a printed rank-sum P, the pair of equally good
 *       histograms (one per group) whose Mann–Whitney P agrees with it is preferred, or else the
 *       closest ({@link RankSumMatch}). Among equally good histograms or pairs the seed picks one.</li>
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
            SplittableRandom random = new SplittableRandom(seed ^ (s.row().outcome() + '\u0000' + s.row().group()).hashCode());
            chosen.put(s.row(), s.best().best().get(random.nextInt(s.best().best().size())));
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

    /** A row's search result: the winning band counts and every histogram that fits them equally well. */
    private record Searched(PublishedRow row, SizeRange range, HistogramSearch.Result best,
                            List<HistogramSearch.Result> results) {
    }

    private Searched search(PublishedRow row) {
        SizeRange range = sizes.get(row.group());
        RowTarget target = new RowTarget(row);
        HistogramSearch search = new HistogramSearch(scale);
        List<HistogramSearch.Result> results = new ArrayList<>();
        for (BandCounts bands : BandCountInference.candidates(row, range.min(), range.max())) {
            results.add(search.search(bands, target));
        }
        HistogramSearch.Result best = results.stream()
                .min(Comparator.comparingInt((HistogramSearch.Result r) -> total(r).mismatches())
                        .thenComparing(r -> !r.bands().topAgrees())
                        .thenComparingDouble(r -> total(r).excess())
                        .thenComparing(r -> -r.bands().n()))
                .orElseThrow();
        return new Searched(row, range, best, results);
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
        RankSumPairing.Choice choice = RankSumPairing.choose(a.best().best(), b.best().best(), printed,
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
        List<Discrepancy> discrepancies = discrepancies(row, s.range(), s.best().bands(), chosen);
        List<String> notes = new ArrayList<>(row.problems());
        notes.add(0, sizeNote(s.best().bands(), s.range(), s.results()));
        if (pairingNote != null) {
            notes.add(pairingNote);
        }
        RowStatus status = !discrepancies.isEmpty() ? RowStatus.CLOSEST
                : row.problems().isEmpty() ? RowStatus.MATCHED : RowStatus.MATCHED_AFTER_REPAIR;
        return new ReconstructedRow(row, chosen, status, discrepancies, notes, s.best().best().size());
    }

    private static Fit total(HistogramSearch.Result r) {
        return r.bands().fit().plus(r.fit());
    }

    private static String sizeNote(BandCounts bands, SizeRange range, List<HistogramSearch.Result> results) {
        String note = "n = " + bands.n() + " (band counts 7–9/4–6/1–3 = " + bands + ")";
        List<Integer> otherExact = results.stream()
                .filter(r -> r.bands().fit().exact() && r.bands().n() != bands.n())
                .map(r -> r.bands().n()).distinct().toList();
        if (!bands.fit().exact()) {
            note += "; no n in " + range.min() + "–" + range.max() + " makes every printed percentage a whole count";
        } else if (!otherExact.isEmpty()) {
            note += "; n = " + otherExact + " also fit the percentages, the larger n (fewer missing answers) is used";
        }
        return note;
    }

    private List<Discrepancy> discrepancies(PublishedRow row, SizeRange range, BandCounts bands, ScoreHistogram h) {
        List<Discrepancy> out = new ArrayList<>();
        for (Band band : new Band[] {Band.TOP, Band.MIDDLE, Band.BOTTOM}) {
            Statistic s = Statistic.percentOf(band);
            PrintedNumber printed = row.percent(band);
            double actual = h.validPercent(band).orElse(Double.NaN);
            if (RowTarget.excess(printed, actual, s.minDecimals()) > 0) {
                out.add(new Discrepancy(s, printed.text(), format(actual, 1),
                        "no n in " + range.min() + "–" + range.max() + " gives whole counts for all printed "
                                + "percentages; " + bands + " reproduces the others, and " + bands.count(band)
                                + " of " + bands.n() + " is " + format(actual, 1) + "%"));
            }
        }
        for (Statistic s : List.of(Statistic.MEAN, Statistic.SD, Statistic.MEDIAN, Statistic.Q1, Statistic.Q3)) {
            PrintedNumber printed = s.printedIn(row);
            double actual = RowTarget.value(s, h);
            if (RowTarget.excess(printed, actual, s.minDecimals()) > 0) {
                String shown = s.minDecimals() == 2 ? quantile(actual) : format(actual, Math.max(1, printed.decimals()));
                out.add(new Discrepancy(s, printed.text(), shown,
                        "no " + scale.min() + "–" + scale.max() + " histogram with band counts " + bands
                                + " has this " + s.label() + " together with the other printed statistics; "
                                + "the nearest attainable is " + format(actual, 3)));
            }
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

package concord.analysis.reconstruction.internal;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.ScoreBand;
import concord.analysis.ScoreHistogram;
import concord.analysis.reconstruction.PrintedNumber;
import concord.analysis.reconstruction.Statistic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Says in words why a printed cell cannot hold together with the rest of its row: what the printed
 * value would need (a whole count of answers; the order statistics a quantile interpolates) and
 * which other printed cell rules that out, then what the histograms that fit every other cell give.
 */
public final class ImpossibleCellReasons {

    private final RatingScale scale;
    private final HistogramSearch search;
    private final int minN;
    private final int maxN;

    public ImpossibleCellReasons(RatingScale scale, int minN, int maxN) {
        this.scale = scale;
        this.search = new HistogramSearch(scale);
        this.minN = minN;
        this.maxN = maxN;
    }

    /** Why {@code s} is impossible given the other cells, which {@code without} histograms fit. */
    public String reason(RowCells cells, Statistic s, HistogramSearch.Fits without) {
        String reason;
        if (s.isPercent()) {
            reason = percent(cells, s, without);
        } else if (s == Statistic.MEAN || s == Statistic.SD) {
            reason = moment(cells.printed(s), s, without);
        } else {
            reason = quantile(cells, s, without);
        }
        return reason + sumNote(cells);
    }

    /** Why two cells cannot both hold when neither alone is the problem. */
    public String pairReason(List<Statistic> pair, HistogramSearch.Fits without) {
        return "neither can be left out alone, but without both " + histograms(without) + " fit the other printed cells; "
                + "they have " + pair.stream().map(s -> s.label() + " " + values(s, without)).collect(Collectors.joining(" and "));
    }

    private String percent(RowCells cells, Statistic s, HistogramSearch.Fits without) {
        PrintedNumber p = cells.printed(s);
        List<String> whole = new ArrayList<>();
        double below = -1;
        String belowText = null;
        double above = 101;
        String aboveText = null;
        for (int n = maxN; n >= Math.max(1, minN); n--) {
            for (int k = 0; k <= n; k++) {
                double v = 100.0 * k / n;
                if (p.agrees(v)) {
                    whole.add(k + " of " + n);
                } else if (v < p.value() && v > below) {
                    below = v;
                    belowText = k + " of " + n + " is " + fixed(v, 1) + " %";
                } else if (v > p.value() && v < above) {
                    above = v;
                    aboveText = k + " of " + n + " is " + fixed(v, 1) + " %";
                }
            }
        }
        String need;
        if (whole.isEmpty()) {
            List<String> nearest = new ArrayList<>();
            if (belowText != null) {
                nearest.add(belowText);
            }
            if (aboveText != null) {
                nearest.add(aboveText);
            }
            need = "no count out of n = " + range() + " answers prints as " + p.text() + " % (" + p.interval() + " %): "
                    + String.join(", ", nearest);
        } else {
            need = p.text() + " % is " + String.join(" or ", whole.subList(0, Math.min(3, whole.size())))
                    + (whole.size() > 3 ? " or …" : "") + ", which the other printed cells rule out";
        }
        Set<String> attained = new LinkedHashSet<>();
        for (ScoreHistogram h : without.histograms()) {
            attained.add(h.bandCount(s.band()) + " of " + h.n() + " = " + fixed(RowCells.value(s, h), 1) + " %");
        }
        return need + "; " + histograms(without) + " that fit every other printed cell " + have(without) + " "
                + String.join(" or ", limit(attained));
    }

    private String moment(PrintedNumber p, Statistic s, HistogramSearch.Fits without) {
        return histograms(without) + " that fit every other printed cell " + have(without) + " " + s.label() + " "
                + range(s, without, p.decimals() + 1) + ", and " + p.text() + " stands for " + p.interval();
    }

    private String quantile(RowCells cells, Statistic s, HistogramSearch.Fits without) {
        PrintedNumber p = cells.printed(s);
        TreeSet<Long> ns = new TreeSet<>();
        without.histograms().forEach(h -> ns.add(h.n()));
        List<String> parts = new ArrayList<>();
        for (long n : ns.descendingSet()) {
            parts.add(quantileAt(cells, s, p, (int) n));
        }
        return String.join("; with n = ", parts) + ". " + capitalised(histograms(without)) + " that fit every other printed cell "
                + have(without) + " " + s.label() + " " + values(s, without);
    }

    /** What the printed quantile needs of n ordered answers and what rules each possibility out. */
    private String quantileAt(RowCells cells, Statistic s, PrintedNumber p, int n) {
        double h = (n + 1) * s.quantileProbability();
        int lo = (int) Math.max(1, Math.min(n, Math.floor(h)));
        double f = h <= 1 || h >= n ? 0 : h - lo;
        List<int[]> needs = new ArrayList<>();
        for (int a = scale.min(); a <= scale.max(); a++) {
            if (f == 0) {
                if (p.agrees(a)) {
                    needs.add(new int[] {a});
                }
                continue;
            }
            for (int b = a; b <= scale.max(); b++) {
                if (p.agrees(a + f * (b - a))) {
                    needs.add(new int[] {a, b});
                }
            }
        }
        String where = f == 0
                ? s.label() + " of " + n + " answers is the " + ordinal(lo) + " lowest"
                : s.label() + " of " + n + " answers lies at position " + trim(h) + " (" + (f == 0.5
                        ? "the mean of the " + ordinal(lo) + " and " + ordinal(lo + 1) + " lowest"
                        : "the " + ordinal(lo) + " lowest + " + trim(f) + " × (" + ordinal(lo + 1) + " − " + ordinal(lo) + ")") + ")";
        if (needs.isEmpty()) {
            return where + ", which cannot be " + p.text() + " (" + p.interval() + ") for any scores " + scale.min() + "–" + scale.max();
        }
        StringBuilder out = new StringBuilder(where).append(", so ").append(p.text()).append(" needs the ")
                .append(f == 0 ? ordinal(lo) + " lowest to be " : ordinal(lo) + " and " + ordinal(lo + 1) + " lowest to be ")
                .append(needs.stream().map(ImpossibleCellReasons::scores).collect(Collectors.joining(" or ")));
        RowCells percents = cells.without(descriptive());
        List<int[]> bands = HistogramSearch.bandCounts(cells.without(List.of(s)), n);
        List<String> exclusions = new ArrayList<>();
        for (int[] need : needs) {
            exclusions.add(scores(need) + " " + exclusion(cells, s, percents, bands, need, lo, n));
        }
        return out.append("; ").append(String.join(", and ", exclusions)).toString();
    }

    /** Which printed cells rule out these order statistics at positions lo (and lo + 1). */
    private String exclusion(RowCells cells, Statistic s, RowCells percents, List<int[]> bands, int[] need, int lo, int n) {
        boolean anyBand = bands.stream().anyMatch(b -> inBand(b, lo, need[0]) && (need.length == 1 || inBand(b, lo + 1, need[1])));
        if (!anyBand) {
            if (bands.size() == 1) {
                int[] b = bands.get(0);
                int bad = inBand(b, lo, need[0]) ? lo + 1 : lo;
                return "contradict" + (need.length == 1 ? "s" : "") + " the band counts: with " + b[2] + " answers at "
                        + label(Band.BOTTOM) + " and " + b[1] + " at " + label(Band.MIDDLE) + " the " + ordinal(bad)
                        + " lowest is at " + label(bandOf(b, bad));
            }
            return "contradict" + (need.length == 1 ? "s" : "") + " every band count the printed percentages allow";
        }
        Predicate<ScoreHistogram> order = h -> h.orderStatistic(lo) == need[0]
                && (need.length == 1 || h.orderStatistic(lo + 1) == need[1]);
        List<Statistic> others = cells.statistics().stream().filter(o -> !o.isPercent() && o != s).toList();
        List<String> alone = new ArrayList<>();
        for (Statistic o : others) {
            RowCells one = percents.withCell(o, cells.printed(o));
            if (search.all(one, n, n, order).none()) {
                alone.add(o.label() + " " + cells.printed(o).text());
            }
        }
        String verb = need.length == 1 ? "contradicts " : "contradict ";
        if (!alone.isEmpty()) {
            return verb + String.join(" and ", alone);
        }
        return verb + others.stream().map(o -> o.label() + " " + cells.printed(o).text()).collect(Collectors.joining(", "))
                + " together";
    }

    private static List<Statistic> descriptive() {
        return Arrays.stream(Statistic.values()).filter(x -> !x.isPercent()).toList();
    }

    private boolean inBand(int[] bands, int position, int score) {
        return scale.band(bandOf(bands, position)).contains(score);
    }

    /** The band of the answer at a 1-based position from the lowest, for band counts {top, middle, bottom}. */
    private static Band bandOf(int[] bands, int position) {
        return position <= bands[2] ? Band.BOTTOM : position <= bands[2] + bands[1] ? Band.MIDDLE : Band.TOP;
    }

    private String label(Band band) {
        ScoreBand b = scale.band(band);
        return b.from() + "–" + b.to();
    }

    private static String sumNote(RowCells cells) {
        if (!Arrays.stream(Band.values()).allMatch(b -> cells.has(Statistic.percentOf(b)))) {
            return "";
        }
        double sum = Arrays.stream(Band.values()).mapToDouble(b -> cells.printed(Statistic.percentOf(b)).value()).sum();
        return Math.abs(sum - 100) > 0.15 + 1e-9 ? " (the printed percentages add up to " + fixed(sum, 1) + " %)" : "";
    }

    private String values(Statistic s, HistogramSearch.Fits without) {
        TreeSet<Double> v = new TreeSet<>();
        without.histograms().forEach(h -> v.add(RowCells.value(s, h)));
        if (s.isPercent()) {
            return String.join(" or ", limit(v.stream().map(x -> fixed(x, 1)).toList()));
        }
        if (!Double.isNaN(s.quantileProbability())) {
            return String.join(" or ", limit(v.stream().map(ImpossibleCellReasons::trim).toList()));
        }
        return range(s, without, 3);
    }

    private static String range(Statistic s, HistogramSearch.Fits without, int decimals) {
        double lo = without.histograms().stream().mapToDouble(h -> RowCells.value(s, h)).min().orElse(Double.NaN);
        double hi = without.histograms().stream().mapToDouble(h -> RowCells.value(s, h)).max().orElse(Double.NaN);
        int d = Math.max(decimals, 2);
        return fixed(lo, d).equals(fixed(hi, d)) ? fixed(lo, d) : fixed(lo, d) + "–" + fixed(hi, d);
    }

    private static List<String> limit(java.util.Collection<String> values) {
        List<String> all = new ArrayList<>(values);
        return all.size() <= 6 ? all : List.of(String.join(", ", all.subList(0, 6)) + " … (" + all.size() + " values)");
    }

    private String range() {
        return minN == maxN ? String.valueOf(minN) : minN + "–" + maxN;
    }

    private static String histograms(HistogramSearch.Fits without) {
        return without.count() == 1 ? "the one histogram" : "the " + String.format(Locale.ROOT, "%,d", without.count()) + " histograms";
    }

    private static String have(HistogramSearch.Fits without) {
        return without.count() == 1 ? "has" : "have";
    }

    private static String scores(int[] need) {
        return need.length == 1 ? String.valueOf(need[0]) : need[0] + " and " + need[1];
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    static String ordinal(int k) {
        int mod100 = k % 100;
        String suffix = mod100 >= 11 && mod100 <= 13 ? "th"
                : switch (k % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return k + suffix;
    }

    static String trim(double v) {
        String s = String.format(Locale.ROOT, "%.2f", v);
        return s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }

    static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }
}

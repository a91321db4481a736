package concord.analysis.internal;

import concord.analysis.AnalysisOptions;
import concord.analysis.FisherExactResult;
import concord.analysis.Study;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The printable description of what an analysis computed and how. */
public final class MethodsText {

    private MethodsText() {
    }

    /** @param estimated outcome label → its Fisher–Freeman–Halton Monte Carlo estimate, in study order */
    public static List<String> describe(Study study, AnalysisOptions options, Map<String, FisherExactResult> estimated) {
        boolean anyMonteCarlo = !estimated.isEmpty();
        List<String> lines = new ArrayList<>();
        lines.add("Ratings on the scale " + study.scale().describe() + "; "
                + study.outcomes().size() + " outcomes compared between " + study.groups().size() + " groups.");
        lines.add("Per group and outcome: valid percentages per band (missing answers excluded outcome by outcome), "
                + "mean and standard deviation (divisor n − 1), median and quartiles by SPSS HAVERAGE "
                + "(Hyndman–Fan type 6, position (n + 1)p).");
        lines.add("Consensus rule: " + study.rule().describe(study.scale()) + ".");
        lines.add("Pearson chi-square on the group × band table without continuity correction; bands nobody used "
                + "and groups without answers are left out of the table, so df adjusts (SPSS Crosstabs). "
                + "Reported with the number and percentage of cells with expected count < 5, the minimum expected "
                + "count, and Cramér's V. The other rows of SPSS's Chi-Square Tests table are given too: likelihood "
                + "ratio, Yates' continuity correction (2 × 2 tables only) and linear-by-linear association "
                + "(groups scored by study order, bands 1–3).");
        lines.add("Fisher's exact test on the same table (Fisher–Freeman–Halton for tables larger than 2 × 2): "
                + "two-sided p summing all tables with the observed margins no more likely than the observed one "
                + "(within relative 1e-7 for 2 × 2 tables and 3.45e-7 for larger ones, as R's fisher.test), "
                + "by full enumeration when at most " + options.fisherEnumerationLimit() + " tables are possible, "
                + "otherwise by the network algorithm (Mehta and Patel 1983, as R and SPSS Exact Tests)"
                + (anyMonteCarlo ? "; where that would take more than " + options.fisherNetworkLimit()
                + " steps, a Monte Carlo estimate (1 + hits)/(1 + " + options.fisherMonteCarloSamples()
                + ") with seed " + options.fisherMonteCarloSeed() + " and a 99% Clopper–Pearson confidence interval" : "")
                + ".");
        if (anyMonteCarlo) {
            List<String> each = new ArrayList<>();
            estimated.forEach((label, f) -> each.add(label + ": " + String.format(java.util.Locale.ROOT,
                    "p = %s, 99%% CI %s–%s (%,d sampled tables, seed %d; %s)", FisherExactResult.fourDigits(f.p()),
                    FisherExactResult.fourDigits(f.lower()), FisherExactResult.fourDigits(f.upper()), f.count(), f.seed(), f.why())));
            lines.add("Fisher–Freeman–Halton p estimated by Monte Carlo for " + estimated.size() + " outcome"
                    + (estimated.size() == 1 ? "" : "s") + " — " + String.join("; ", each) + ".");
        }
        lines.add("Two groups: Mann–Whitney U test as SPSS NPAR TESTS: U = min(U1, U2), Wilcoxon W = rank sum of "
                + "the smaller group (the first group if equal), Z with tie-corrected variance and no continuity "
                + "correction, asymptotic two-sided p = 2(1 − Φ(|Z|)); exact two-sided p from the U distribution "
                + "without ties (\"Exact Sig. [2*(1-tailed Sig.)]\", not corrected for ties) for N ≤ "
                + options.exactMannWhitneyMaxN() + ".");
        lines.add("Three or more groups: Kruskal–Wallis H with tie correction, df = groups − 1, asymptotic χ² p; "
                + "pairwise Mann–Whitney tests with " + switch (options.pairwiseCorrection()) {
                    case HOLM -> "Holm";
                    case BONFERRONI -> "Bonferroni";
                } + " correction.");
        lines.add("Effect sizes: r = |Z|/√N, Cliff's delta = P(first > second) − P(first < second), "
                + "Hodges–Lehmann shift = median of all pairwise differences (first − second), Cramér's V.");
        lines.add("Benjamini–Hochberg q values per test across all outcomes where the test was computable "
                + "(raw p values decide, as in the reference study; q values are an additional column).");
        lines.add("An outcome differs between groups when the rank test or the Pearson chi-square has p < "
                + java.math.BigDecimal.valueOf(options.alpha()).stripTrailingZeros().toPlainString() + ", or the groups' consensus classes differ.");
        return lines;
    }
}

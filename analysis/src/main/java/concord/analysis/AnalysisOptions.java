package concord.analysis;

/**
 * How a study is analysed. Immutable; change with the {@code with...} methods. The defaults
 * reproduce SPSS 26 and the reference study.
 *
 * @param alpha                    significance level for the "differs" verdict, default 0.05
 * @param pairwiseCorrection       correction of pairwise tests after Kruskal–Wallis, default Holm
 * @param exactMannWhitneyMaxN     exact Mann–Whitney p is computed when n₁ + n₂ ≤ this, default 40
 *                                 (SPSS prints "Exact Sig." for 40 cases or fewer)
 * @param fisherEnumerationLimit   exact Fisher–Freeman–Halton p by enumerating every table when an upper
 *                                 bound of their number is at most this, default 100,000 (where
 *                                 enumeration is as fast as the network algorithm: about 3 ms)
 * @param fisherNetworkLimit       otherwise by the network algorithm when it finishes within this many
 *                                 steps (arcs, carried past paths and completions examined), default
 *                                 500,000,000 (about 5–10 s on one core); it also stops when it would
 *                                 keep more than 6,000,000 past values (96 MB); then Monte Carlo
 * @param fisherMonteCarloSamples  random tables for the Monte Carlo estimate, default 10,000 (the
 *                                 SPSS Exact Tests default)
 * @param fisherMonteCarloSeed     seed of the Monte Carlo estimate, so runs are reproducible
 * @param fisherMonteCarloMaxN     Monte Carlo is skipped above this many valid answers (each random
 *                                 table costs O(N)); the test is then reported as not computable,
 *                                 default 5,000
 */
public record AnalysisOptions(double alpha, PairwiseCorrection pairwiseCorrection, int exactMannWhitneyMaxN,
                              long fisherEnumerationLimit, long fisherNetworkLimit, int fisherMonteCarloSamples,
                              long fisherMonteCarloSeed, long fisherMonteCarloMaxN) {

    public AnalysisOptions {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("Significance level alpha = " + alpha + " must be in (0, 1)");
        }
        java.util.Objects.requireNonNull(pairwiseCorrection, "pairwiseCorrection");
        if (exactMannWhitneyMaxN > 200) {
            throw new IllegalArgumentException("exactMannWhitneyMaxN = " + exactMannWhitneyMaxN
                    + " is too large for the exact distribution; use at most 200");
        }
        if (exactMannWhitneyMaxN < 0 || fisherEnumerationLimit < 0 || fisherNetworkLimit < 0
                || fisherMonteCarloSamples < 0 || fisherMonteCarloMaxN < 0) {
            throw new IllegalArgumentException("Analysis limits must not be negative");
        }
    }

    /** SPSS-compatible defaults. */
    public static AnalysisOptions defaults() {
        return new AnalysisOptions(0.05, PairwiseCorrection.HOLM, 40, 100_000L, 500_000_000L, 10_000, 20_260_101L,
                5_000L);
    }

    public AnalysisOptions withAlpha(double value) {
        return new AnalysisOptions(value, pairwiseCorrection, exactMannWhitneyMaxN, fisherEnumerationLimit,
                fisherNetworkLimit, fisherMonteCarloSamples, fisherMonteCarloSeed, fisherMonteCarloMaxN);
    }

    public AnalysisOptions withPairwiseCorrection(PairwiseCorrection value) {
        return new AnalysisOptions(alpha, value, exactMannWhitneyMaxN, fisherEnumerationLimit,
                fisherNetworkLimit, fisherMonteCarloSamples, fisherMonteCarloSeed, fisherMonteCarloMaxN);
    }

    public AnalysisOptions withExactMannWhitneyMaxN(int value) {
        return new AnalysisOptions(alpha, pairwiseCorrection, value, fisherEnumerationLimit,
                fisherNetworkLimit, fisherMonteCarloSamples, fisherMonteCarloSeed, fisherMonteCarloMaxN);
    }

    public AnalysisOptions withFisherEnumerationLimit(long value) {
        return new AnalysisOptions(alpha, pairwiseCorrection, exactMannWhitneyMaxN, value,
                fisherNetworkLimit, fisherMonteCarloSamples, fisherMonteCarloSeed, fisherMonteCarloMaxN);
    }

    /** Steps the network algorithm may take; 0 turns it off (enumeration or Monte Carlo only). */
    public AnalysisOptions withFisherNetworkLimit(long value) {
        return new AnalysisOptions(alpha, pairwiseCorrection, exactMannWhitneyMaxN, fisherEnumerationLimit,
                value, fisherMonteCarloSamples, fisherMonteCarloSeed, fisherMonteCarloMaxN);
    }

    public AnalysisOptions withFisherMonteCarlo(int samples, long seed, long maxN) {
        return new AnalysisOptions(alpha, pairwiseCorrection, exactMannWhitneyMaxN, fisherEnumerationLimit,
                fisherNetworkLimit, samples, seed, maxN);
    }
}

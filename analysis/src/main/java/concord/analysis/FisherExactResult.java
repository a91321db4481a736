package concord.analysis;

import java.util.Locale;
import java.util.Objects;

/**
 * Fisher's exact test on the group × band table; for tables larger than 2 × 2 this is the
 * Fisher–Freeman–Halton test (what SPSS Exact Tests prints as "Fisher's Exact Test"). The
 * two-sided p sums the probabilities of all tables with the observed margins that are no more
 * likely than the observed table, with R's tolerance: relative 1e-7 for 2 × 2 tables (R's
 * {@code fisher.test} from the hypergeometric density), 3.45254e-7 on the log scale for larger ones
 * (R's FEXACT).
 *
 * @param p       two-sided p; for {@link Method#MONTE_CARLO} the estimate (1 + hits) / (1 + samples)
 * @param method  how p was obtained
 * @param count   tables enumerated ({@link Method#ENUMERATION}), nodes of the network expanded
 *                ({@link Method#NETWORK}), values of the first cell summed ({@link Method#TAIL_SUMS}) or
 *                random tables drawn ({@link Method#MONTE_CARLO})
 * @param seed    random seed of a Monte Carlo estimate (0 for exact methods)
 * @param lower   lower end of the 99% confidence interval of a Monte Carlo estimate (exact
 *                Clopper–Pearson for hits out of samples); equal to p for exact methods
 * @param upper   upper end of that interval; equal to p for exact methods
 * @param why     for a Monte Carlo estimate, why the exact methods were not used; empty otherwise
 */
public record FisherExactResult(double p, Method method, long count, long seed, double lower, double upper, String why) {

    /** Confidence level of the Monte Carlo interval (SPSS Exact Tests prints 99%). */
    public static final double CONFIDENCE_LEVEL = 0.99;

    /** How the p value was obtained. */
    public enum Method {
        /** Every table with the observed margins enumerated. */
        ENUMERATION,
        /** The network algorithm (Mehta and Patel), exact like enumeration. */
        NETWORK,
        /** Hypergeometric tail sums of a 2 × 3 table, exact like enumeration (where the network would be slow). */
        TAIL_SUMS,
        /** Seeded Monte Carlo over random tables with the observed margins (beyond the exact methods' limits). */
        MONTE_CARLO;

        /** "enumeration", "network", "tail_sums", "monte_carlo" (JSON). */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public FisherExactResult {
        Objects.requireNonNull(method, "method");
        why = why == null ? "" : why;
    }

    public static FisherExactResult enumeration(double p, long tables) {
        return new FisherExactResult(p, Method.ENUMERATION, tables, 0, p, p, "");
    }

    public static FisherExactResult network(double p, long nodes) {
        return new FisherExactResult(p, Method.NETWORK, nodes, 0, p, p, "");
    }

    public static FisherExactResult tailSums(double p, long values) {
        return new FisherExactResult(p, Method.TAIL_SUMS, values, 0, p, p, "");
    }

    public static FisherExactResult monteCarlo(double p, long samples, long seed, double lower, double upper, String why) {
        return new FisherExactResult(p, Method.MONTE_CARLO, samples, seed, lower, upper, why);
    }

    /** Whether p is exact (enumeration, network algorithm or tail sums) rather than a Monte Carlo estimate. */
    public boolean exact() {
        return method != Method.MONTE_CARLO;
    }

    /**
     * "exact (enumeration of 1,234 tables)", "exact (network algorithm, 567 nodes)",
     * "exact (hypergeometric tail sums over 890 first-cell values)" or
     * "Monte Carlo estimate, 99% CI 0.0068–0.0115 (10,000 sampled tables, seed 20260101)".
     */
    public String methodDescription() {
        return switch (method) {
            case ENUMERATION -> String.format(Locale.ROOT, "exact (enumeration of %,d tables)", count);
            case NETWORK -> String.format(Locale.ROOT, "exact (network algorithm, %,d node%s)", count, count == 1 ? "" : "s");
            case TAIL_SUMS -> String.format(Locale.ROOT, "exact (hypergeometric tail sums over %,d first-cell value%s)", count,
                    count == 1 ? "" : "s");
            case MONTE_CARLO -> String.format(Locale.ROOT, "Monte Carlo estimate, 99%% CI %s–%s (%,d sampled tables, seed %d)",
                    fourDigits(lower), fourDigits(upper), count, seed);
        };
    }

    /** An estimate or interval end to four significant digits, plain: 0.0068229 → "0.006823", 1.2e-5 → "0.000012", 0 → "0". */
    public static String fourDigits(double v) {
        return v == 0 ? "0" : java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(4, java.math.RoundingMode.HALF_UP))
                .toPlainString();
    }
}

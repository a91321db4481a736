package concord.analysis;

/**
 * Fisher's exact test on the group × band table; for tables larger than 2 × 2 this is the
 * Fisher–Freeman–Halton test (what SPSS Exact Tests prints as "Fisher's Exact Test"). The
 * two-sided p sums the probabilities of all tables with the observed margins that are no more
 * likely than the observed table (relative tolerance 1e-7, as R's {@code fisher.test}).
 *
 * @param p       two-sided p
 * @param method  how p was obtained
 * @param count   tables enumerated ({@link Method#EXACT}) or random tables drawn ({@link Method#MONTE_CARLO})
 * @param seed    random seed of a Monte Carlo estimate (0 for exact)
 */
public record FisherExactResult(double p, Method method, long count, long seed) {

    /** How the p value was obtained. */
    public enum Method {
        /** Full enumeration of all tables with the observed margins. */
        EXACT,
        /** Seeded Monte Carlo over random tables with the observed margins (table too large to enumerate). */
        MONTE_CARLO
    }

    /** "exact (enumeration of 1234 tables)" or "Monte Carlo (100000 tables, seed 42)". */
    public String methodDescription() {
        return method == Method.EXACT
                ? "exact (enumeration of " + count + " tables)"
                : "Monte Carlo estimate (" + count + " random tables, seed " + seed + ")";
    }
}

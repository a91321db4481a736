package concord.analysis;

import java.util.OptionalDouble;

/**
 * Benjamini–Hochberg adjusted p values (q) of one outcome's tests, each adjusted across all
 * outcomes of the study for which that test was computable.
 *
 * @param chiSquare   q of the Pearson chi-square p
 * @param fisherExact q of the Fisher(–Freeman–Halton) p
 * @param rankTest    q of the Mann–Whitney p (two groups) or the Kruskal–Wallis p (three or more)
 */
public record QValues(OptionalDouble chiSquare, OptionalDouble fisherExact, OptionalDouble rankTest) {
}

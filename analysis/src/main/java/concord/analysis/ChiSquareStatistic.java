package concord.analysis;

/**
 * One row of SPSS's "Chi-Square Tests" table besides Pearson: a statistic, its degrees of freedom
 * and its asymptotic p.
 *
 * @param statistic the chi-square-distributed statistic
 * @param df        degrees of freedom
 * @param p         upper tail of χ²(df)
 */
public record ChiSquareStatistic(double statistic, int df, double p) {
}

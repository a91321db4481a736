package concord.analysis;

import java.util.List;
import java.util.Optional;

/**
 * Pearson chi-square on the group × band table, as SPSS Crosstabs prints it: no continuity
 * correction, bands nobody used (and groups without valid answers) left out of the table, so the
 * degrees of freedom adjust. Includes the data of SPSS's footnote "k cells (x%) have expected
 * count less than 5. The minimum expected count is m."
 *
 * @param statistic                 Pearson χ²
 * @param df                        degrees of freedom, (rows − 1)(columns − 1)
 * @param p                         asymptotic p (upper tail of χ²(df))
 * @param cellsExpectedBelow5       number of cells with expected count &lt; 5
 * @param pctCellsExpectedBelow5    their percentage of all cells
 * @param minExpected               smallest expected count
 * @param cramersV                  Cramér's V = √(χ² / (N·(min(r, c) − 1)))
 * @param rows                      groups in the table
 * @param bands                     bands (columns) in the table, low to high
 * @param likelihoodRatio           SPSS "Likelihood Ratio": G = 2 Σ O ln(O / E), same df
 * @param continuityCorrection      SPSS "Continuity Correction" (Yates), only for 2 × 2 tables:
 *                                  Σ (|O − E| − ½)² / E with |O − E| − ½ floored at 0 (as R's {@code chisq.test})
 * @param linearByLinear            SPSS "Linear-by-Linear Association": (N − 1) r², df 1, where r
 *                                  correlates the group's position in the study (1, 2, …) with the
 *                                  band's code (bottom 1, middle 2, top 3) over all answers; empty
 *                                  when r is undefined
 */
public record ChiSquareResult(double statistic, int df, double p, int cellsExpectedBelow5,
                              double pctCellsExpectedBelow5, double minExpected, double cramersV,
                              List<String> rows, List<Band> bands, Optional<ChiSquareStatistic> likelihoodRatio,
                              Optional<ChiSquareStatistic> continuityCorrection,
                              Optional<ChiSquareStatistic> linearByLinear) {

    public ChiSquareResult {
        rows = List.copyOf(rows);
        bands = List.copyOf(bands);
        java.util.Objects.requireNonNull(likelihoodRatio, "likelihoodRatio");
        java.util.Objects.requireNonNull(continuityCorrection, "continuityCorrection");
        java.util.Objects.requireNonNull(linearByLinear, "linearByLinear");
    }

    /** A Pearson result without the other rows of SPSS's table (e.g. rebuilt from a report). */
    public ChiSquareResult(double statistic, int df, double p, int cellsExpectedBelow5, double pctCellsExpectedBelow5,
                           double minExpected, double cramersV, List<String> rows, List<Band> bands) {
        this(statistic, df, p, cellsExpectedBelow5, pctCellsExpectedBelow5, minExpected, cramersV, rows, bands,
                Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Number of cells, rows × bands. */
    public int cells() {
        return rows.size() * bands.size();
    }
}

package concord.analysis;

import java.util.List;

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
 */
public record ChiSquareResult(double statistic, int df, double p, int cellsExpectedBelow5,
                              double pctCellsExpectedBelow5, double minExpected, double cramersV,
                              List<String> rows, List<Band> bands) {

    public ChiSquareResult {
        rows = List.copyOf(rows);
        bands = List.copyOf(bands);
    }

    /** Number of cells, rows × bands. */
    public int cells() {
        return rows.size() * bands.size();
    }
}

/**
 * Reconstructing individual ratings from a published summary table.
 *
 * <p>A paper such as the CLBP study prints, per outcome and stakeholder group, the band percentages,
 * mean (SD) and median (q1, q3) but not the ratings themselves. {@link
 * concord.analysis.reconstruction.PublishedTableReader} reads such a table (tolerating the typos a
 * printed table contains), {@link concord.analysis.reconstruction.DatasetReconstructor} searches for
 * 1–9 score histograms whose statistics reproduce every printed value within rounding, and
 * {@link concord.analysis.reconstruction.ReconstructionReport} says row by row what matched and,
 * where the printed row is internally inconsistent, why it cannot.
 */
package concord.analysis.reconstruction;

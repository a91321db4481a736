package concord.analysis.reconstruction;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A plain-text account of a {@link Reconstruction}: per printed row whether exactly one histogram,
 * several (how many) or none reproduces every printed cell, and for none, which printed cell is
 * impossible and why.
 *
 * @param reconstruction the reconstruction described
 */
public record ReconstructionReport(Reconstruction reconstruction) {

    public ReconstructionReport {
        Objects.requireNonNull(reconstruction, "reconstruction");
    }

    public static ReconstructionReport of(Reconstruction reconstruction) {
        return new ReconstructionReport(reconstruction);
    }

    /** Number of rows in a status. */
    public int count(RowStatus status) {
        return reconstruction.rows(status).size();
    }

    /** Rows reproduced only as the reader repaired them (garbled or unreadable cells). */
    public int repaired() {
        return (int) reconstruction.rows().stream().filter(ReconstructedRow::repaired).count();
    }

    /** One-line summary, e.g. "114 rows: 108 reproduced (19 unique, 89 several; 4 after a repair), 6 with an impossible cell". */
    public String summary() {
        return reconstruction.rows().size() + " rows: "
                + (count(RowStatus.UNIQUE) + count(RowStatus.SEVERAL)) + " reproduced (" + count(RowStatus.UNIQUE)
                + " unique, " + count(RowStatus.SEVERAL) + " several; " + repaired() + " after a repair), "
                + count(RowStatus.NONE) + " with an impossible cell";
    }

    /** "rank-sum P reproduced for 40 of 57 outcomes", or "" when rank-sum matching was off. */
    public String rankSumSummary() {
        List<RankSumMatch> matches = reconstruction.rankSumMatches();
        if (matches.isEmpty()) {
            return "";
        }
        return "rank-sum P reproduced for " + matches.stream().filter(RankSumMatch::agrees).count() + " of "
                + matches.size() + " outcomes";
    }

    /** The full report. */
    public String render() {
        StringBuilder out = new StringBuilder();
        out.append("Reconstruction of ").append(reconstruction.table().source()).append(" (seed ")
                .append(reconstruction.seed()).append(", scale ").append(reconstruction.scale().describe()).append(")\n");
        out.append("Each printed number is read at its own printed precision (\"8\" is 7.5–8.5, \"0.91\" is 0.905–0.915).\n");
        out.append(summary()).append("\n");
        if (!rankSumSummary().isEmpty()) {
            out.append(rankSumSummary()).append("\n");
            for (RankSumMatch m : reconstruction.rankSumMatches()) {
                if (!m.agrees()) {
                    out.append(String.format(Locale.ROOT, "  not reproducible: %s, printed %s, nearest %.3f (%d pairs)%n",
                            m.outcome(), m.printed(), m.reconstructed(), m.pairsTried()));
                }
            }
        }
        List<ReconstructedRow> none = reconstruction.rows(RowStatus.NONE);
        if (!none.isEmpty()) {
            out.append("\nRows with an impossible cell (no histogram fits every printed cell)\n");
            for (ReconstructedRow row : none) {
                out.append("- ").append(row.published().describe()).append("\n");
                for (ImpossibleCell cell : row.impossible()) {
                    out.append("    ").append(cell.describe()).append("\n");
                }
                for (Discrepancy d : row.discrepancies()) {
                    out.append("    used: ").append(d.statistic().label()).append(" ").append(d.reconstructed())
                            .append(" instead of ").append(d.printed()).append("\n");
                }
                notes(out, row);
            }
        }
        List<ReconstructedRow> repaired = reconstruction.rows().stream().filter(ReconstructedRow::repaired).toList();
        if (!repaired.isEmpty()) {
            out.append("\nRows reproduced as the reader repaired them\n");
            for (ReconstructedRow row : repaired) {
                out.append("- ").append(row.published().describe()).append(": ").append(row.verdict()).append("\n");
                notes(out, row);
            }
        }
        out.append("\nAll rows\n");
        for (ReconstructedRow row : reconstruction.rows()) {
            out.append(String.format(Locale.ROOT, "  %-40s %-8s %-14s n=%-3d %s%n", row.outcome(), row.group(),
                    row.status() == RowStatus.NONE ? "none" : row.verdict(), row.n(),
                    java.util.Arrays.toString(row.histogram().counts())));
        }
        return out.toString();
    }

    private static void notes(StringBuilder out, ReconstructedRow row) {
        for (String note : row.notes()) {
            out.append("    note: ").append(note).append("\n");
        }
    }
}

package concord.analysis.reconstruction;

import java.util.List;
import java.util.Objects;

/**
 * A plain-text account of a {@link Reconstruction}: how many printed rows were reproduced, which
 * only after repairing a garbled cell, and which could not be and why.
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

    /** One-line summary, e.g. "114 rows: 103 matched, 4 matched after repair, 7 closest only". */
    public String summary() {
        return reconstruction.rows().size() + " rows: " + count(RowStatus.MATCHED) + " matched, "
                + count(RowStatus.MATCHED_AFTER_REPAIR) + " matched after repair, "
                + count(RowStatus.CLOSEST) + " closest only";
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
        out.append(summary()).append("\n");
        if (!rankSumSummary().isEmpty()) {
            out.append(rankSumSummary()).append("\n");
            for (RankSumMatch m : reconstruction.rankSumMatches()) {
                if (!m.agrees()) {
                    out.append(String.format(java.util.Locale.ROOT, "  not reproducible: %s, printed %s, nearest %.3f (%d pairs)%n",
                            m.outcome(), m.printed(), m.reconstructed(), m.pairsTried()));
                }
            }
        }
        section(out, RowStatus.CLOSEST, "Rows that cannot be reproduced exactly (the printed row is inconsistent)");
        section(out, RowStatus.MATCHED_AFTER_REPAIR, "Rows reproduced after reading a garbled cell");
        out.append("\nAll rows\n");
        for (ReconstructedRow row : reconstruction.rows()) {
            out.append(String.format(java.util.Locale.ROOT, "  %-40s %-8s %-20s n=%-3d %s  (%d alternatives)%n",
                    row.outcome(), row.group(), row.status(), row.n(),
                    java.util.Arrays.toString(row.histogram().counts()), row.alternatives()));
        }
        return out.toString();
    }

    private void section(StringBuilder out, RowStatus status, String title) {
        if (count(status) == 0) {
            return;
        }
        out.append("\n").append(title).append("\n");
        for (ReconstructedRow row : reconstruction.rows(status)) {
            out.append("- ").append(row.published().describe()).append("\n");
            for (Discrepancy d : row.discrepancies()) {
                out.append("    ").append(d.describe()).append("\n");
            }
            for (String note : row.notes()) {
                out.append("    note: ").append(note).append("\n");
            }
        }
    }
}

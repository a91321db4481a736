package concord.analysis.reconstruction;

import concord.analysis.Band;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a published summary table: the statistics of one outcome in one stakeholder group, as
 * printed. Values that could not be read are {@linkplain PrintedNumber#present() absent}; values
 * read from a garbled cell by a documented repair carry the repair in {@link #problems()}.
 *
 * @param line       line number in the source file (1 = header), for messages
 * @param outcome    outcome label as printed, e.g. "Pain/discomfort"
 * @param group      stakeholder group as printed, e.g. "Doctor"
 * @param percents   valid percent per importance band (7–9, 4–6, 1–3)
 * @param mean       mean score
 * @param sd         standard deviation (n − 1)
 * @param median     median
 * @param q1         first quartile
 * @param q3         third quartile
 * @param pChiSquare chi-square P as printed (often only on one group's row), "" if blank
 * @param pRankSum   rank-sum P as printed, "" if blank
 * @param meanSdCell    the mean(SD) cell exactly as printed, e.g. "8(0.91)"
 * @param quartilesCell the median(q1,q3) cell exactly as printed, e.g. "7(5.8,25)"
 * @param problems   what was wrong with the printed cells and how they were read; empty if nothing
 */
public record PublishedRow(int line, String outcome, String group, Map<Band, PrintedNumber> percents,
                           PrintedNumber mean, PrintedNumber sd, PrintedNumber median, PrintedNumber q1,
                           PrintedNumber q3, String pChiSquare, String pRankSum, String meanSdCell,
                           String quartilesCell, List<String> problems) {

    public PublishedRow {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(group, "group");
        EnumMap<Band, PrintedNumber> copy = new EnumMap<>(Band.class);
        for (Band band : Band.values()) {
            copy.put(band, Objects.requireNonNull(percents.get(band), () -> "percent of band " + band));
        }
        percents = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(sd, "sd");
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(q1, "q1");
        Objects.requireNonNull(q3, "q3");
        pChiSquare = pChiSquare == null ? "" : pChiSquare;
        pRankSum = pRankSum == null ? "" : pRankSum;
        meanSdCell = meanSdCell == null ? "" : meanSdCell;
        quartilesCell = quartilesCell == null ? "" : quartilesCell;
        problems = List.copyOf(problems);
    }

    /** The printed valid percent of {@code band}. */
    public PrintedNumber percent(Band band) {
        return percents.get(band);
    }

    /** "Pain/discomfort / Doctor (line 30)" for messages. */
    public String describe() {
        return outcome + " / " + group + " (line " + line + ")";
    }
}

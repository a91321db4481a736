package concord.analysis.reconstruction;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.reconstruction.internal.CellParser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads a published summary table from tab-separated text with a header row, such as
 * {@code clbp-table1.tsv}. Columns are found by name:
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><td>{@code outcome}, {@code group}</td><td>row keys (required)</td></tr>
 *   <tr><td>{@code pct_important_7_9}, {@code pct_neutral_4_6}, {@code pct_not_important_1_3}</td>
 *       <td>valid percent per band, top to bottom, "88.5%" (required)</td></tr>
 *   <tr><td>{@code mean_sd}</td><td>"7.9(1.1)" (required)</td></tr>
 *   <tr><td>{@code median_q1_q3}</td><td>"8(7.75,9)" (required)</td></tr>
 *   <tr><td>{@code p_chisq}, {@code p_rank_sum}</td><td>P values as printed (optional)</td></tr>
 * </table>
 *
 * <p>A missing required column is an error that names the file and the column. A bad cell is not:
 * the value is left out and the reason is recorded in {@link PublishedRow#problems()}, because a
 * printed table is evidence to be weighed, not input to be rejected.
 */
public final class PublishedTableReader {

    static final String OUTCOME = "outcome";
    static final String GROUP = "group";
    static final Map<Band, String> PERCENT_COLUMNS = Map.of(
            Band.TOP, "pct_important_7_9", Band.MIDDLE, "pct_neutral_4_6", Band.BOTTOM, "pct_not_important_1_3");
    static final String MEAN_SD = "mean_sd";
    static final String MEDIAN_Q1_Q3 = "median_q1_q3";
    static final String P_CHISQ = "p_chisq";
    static final String P_RANK_SUM = "p_rank_sum";

    /** Printed band percentages may sum to 100 ± this much through rounding of three 1-dp values. */
    private static final double SUM_SLACK = 0.15 + 1e-9;

    private final RatingScale scale;

    private PublishedTableReader(RatingScale scale) {
        this.scale = Objects.requireNonNull(scale, "scale");
    }

    /** A reader for tables on the GRADE 1–9 scale. */
    public static PublishedTableReader withDefaults() {
        return new PublishedTableReader(RatingScale.grade());
    }

    /** A reader for another rating scale (used to recognise garbled quartiles). */
    public PublishedTableReader withScale(RatingScale scale) {
        return new PublishedTableReader(scale);
    }

    /** Reads a UTF-8 file. */
    public PublishedTable read(Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(in, file.getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the published table " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads tab-separated text; {@code source} names it in messages. */
    public PublishedTable read(Reader in, String source) {
        List<String> lines = new BufferedReader(in).lines().toList();
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("The published table " + source + " is empty; expected a header row "
                    + "with the columns " + OUTCOME + ", " + GROUP + ", ...");
        }
        Map<String, Integer> columns = header(lines.get(0), source);
        CellParser cells = new CellParser(scale);
        List<PublishedRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            if (!lines.get(i).isBlank()) {
                rows.add(row(i + 1, lines.get(i).split("\t", -1), columns, cells));
            }
        }
        return new PublishedTable(source, rows);
    }

    private static Map<String, Integer> header(String line, String source) {
        String[] names = line.replace("\uFEFF", "").split("\t", -1);
        Map<String, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            columns.put(names[i].trim().toLowerCase(), i);
        }
        List<String> required = new ArrayList<>(List.of(OUTCOME, GROUP, MEAN_SD, MEDIAN_Q1_Q3));
        required.addAll(PERCENT_COLUMNS.values());
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw new IllegalArgumentException("The published table " + source + " has no column '" + name
                        + "' (header: " + String.join(", ", names) + "); add it or rename the column");
            }
        }
        return columns;
    }

    private static PublishedRow row(int lineNumber, String[] cells, Map<String, Integer> columns, CellParser parser) {
        List<String> problems = new ArrayList<>();
        EnumMap<Band, PrintedNumber> percents = new EnumMap<>(Band.class);
        for (Band band : new Band[] {Band.TOP, Band.MIDDLE, Band.BOTTOM}) {
            String column = PERCENT_COLUMNS.get(band);
            percents.put(band, parser.percent(column, cell(cells, columns, column), problems));
        }
        if (percents.values().stream().allMatch(PrintedNumber::present)) {
            double sum = percents.values().stream().mapToDouble(PrintedNumber::value).sum();
            if (Math.abs(sum - 100) > SUM_SLACK) {
                problems.add(String.format(java.util.Locale.ROOT,
                        "band percentages %s + %s + %s sum to %.1f%%, not 100%%", percents.get(Band.TOP),
                        percents.get(Band.MIDDLE), percents.get(Band.BOTTOM), sum));
            }
        }
        PrintedNumber[] meanSd = parser.meanAndSd(cell(cells, columns, MEAN_SD), problems);
        PrintedNumber[] quartiles = parser.medianAndQuartiles(cell(cells, columns, MEDIAN_Q1_Q3), problems);
        return new PublishedRow(lineNumber, cell(cells, columns, OUTCOME).trim(), cell(cells, columns, GROUP).trim(),
                percents, meanSd[0], meanSd[1], quartiles[0], quartiles[1], quartiles[2],
                cell(cells, columns, P_CHISQ).trim(), cell(cells, columns, P_RANK_SUM).trim(),
                cell(cells, columns, MEAN_SD).trim(), cell(cells, columns, MEDIAN_Q1_Q3).trim(), problems);
    }

    private static String cell(String[] cells, Map<String, Integer> columns, String name) {
        Integer index = columns.get(name);
        return index == null || index >= cells.length ? "" : cells[index];
    }
}

package concord.connector.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import concord.connector.ValidationError;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads REDCap's import validation errors: one CSV row of four quoted cells (record, field, value,
 * message) per refused value, e.g. {@code "1","weight_kg","22","The value you provided ..."}, with or
 * without the {@code ERROR: } prefix of the CSV error shape.
 */
public final class ValidationErrorParser {

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
    private static final Pattern PREFIX = Pattern.compile("(?m)^ERROR:\\s*");

    private ValidationErrorParser() {
    }

    /** The refused values, or an empty list when the text is not in this shape. */
    public static List<ValidationError> parse(String text) {
        String body = PREFIX.matcher(text.strip()).replaceAll("");
        if (!body.startsWith("\"")) {
            return List.of();
        }
        List<ValidationError> errors = new ArrayList<>();
        try (MappingIterator<String[]> rows = CSV.readerFor(String[].class).readValues(body)) {
            while (rows.hasNext()) {
                String[] cells = rows.next();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (cells.length != 4) {
                    return List.of();
                }
                errors.add(new ValidationError(cells[0], cells[1], cells[2], cells[3]));
            }
        } catch (IOException | RuntimeException notCsv) {
            return List.of();
        }
        return errors;
    }
}

package concord.analysis.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote, CR or LF, quotes
 * doubled. UTF-8 with a byte order mark so Excel opens Chinese labels correctly. Text fields are
 * formula-neutralised; numbers are written by the caller as already formatted plain decimals.
 */
public final class CsvWriter implements AutoCloseable {

    private final Writer out;

    public CsvWriter(OutputStream stream) throws IOException {
        stream.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        this.out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
    }

    /** Writes one record; {@code null} is an empty field. */
    public void row(List<Cell> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            Cell cell = cells.get(i);
            String raw = cell == null ? "" : cell.numeric() ? cell.text() : SpreadsheetText.neutralise(cell.text());
            out.write(quoteIfNeeded(raw));
        }
        out.write("\r\n");
    }

    static String quoteIfNeeded(String field) {
        boolean quote = field.indexOf(',') >= 0 || field.indexOf('"') >= 0
                || field.indexOf('\r') >= 0 || field.indexOf('\n') >= 0;
        return quote ? '"' + field.replace("\"", "\"\"") + '"' : field;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }

    /** A field: text (neutralised on write) or a number already formatted as a plain decimal. */
    public record Cell(String text, boolean numeric) {

        public static Cell text(String text) {
            return new Cell(text == null ? "" : text, false);
        }

        public static Cell number(String plainDecimal) {
            return new Cell(plainDecimal, true);
        }

        public static Cell empty() {
            return new Cell("", true);
        }
    }
}

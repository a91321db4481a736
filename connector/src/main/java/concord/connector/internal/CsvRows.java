package concord.connector.internal;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;

/**
 * The rows of a REDCap CSV file as string arrays, for readers that want strings (the data dictionary, the
 * {@code RedcapRecord} reader). {@link CsvTokenizer} does the splitting (its class comment has the dialect);
 * cells are decoded as UTF-8 with bad bytes as U+FFFD.
 */
public final class CsvRows implements Closeable {

    private final CsvTokenizer tokenizer;
    private final Closeable input;
    private long line;

    private CsvRows(CsvTokenizer tokenizer, Closeable input) {
        this.tokenizer = tokenizer;
        this.input = input;
    }

    /** Reads UTF-8 bytes; malformed bytes become U+FFFD. */
    public static CsvRows open(InputStream in) {
        return new CsvRows(CsvTokenizer.of(in), in);
    }

    /** Reads characters (encoded to UTF-8 for the tokenizer; an unpaired surrogate becomes '?'). */
    public static CsvRows open(Reader in) {
        return open(new Utf8Input(in));
    }

    /**
     * The next row, or null at the end of the file.
     *
     * @throws CsvFormatException when the bytes are not a CSV table
     */
    public String[] next() {
        if (!tokenizer.next()) {
            return null;
        }
        line = tokenizer.row().line();
        return tokenizer.row().texts();
    }

    /** The 1-based line where the row last returned by {@link #next()} starts. */
    public long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        input.close();
    }
}

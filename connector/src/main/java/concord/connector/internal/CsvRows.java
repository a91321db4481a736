package concord.connector.internal;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Streams the rows of a REDCap CSV file (RFC 4180: quoted cells may hold commas, doubled quotes and
 * line breaks) as string arrays, with Jackson's CSV parser. Skips a UTF-8 byte-order mark, decodes
 * bad bytes as U+FFFD instead of failing, skips blank lines, and knows each row's line number.
 */
public final class CsvRows implements Closeable {

    private static final CsvMapper CSV = new CsvMapper()
            .enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);

    private final MappingIterator<String[]> rows;
    private final Reader reader;
    private long line;

    private CsvRows(Reader reader) throws IOException {
        this.reader = reader;
        this.rows = CSV.readerFor(String[].class).readValues(reader);
    }

    /** Reads UTF-8 bytes; malformed bytes become U+FFFD. */
    public static CsvRows open(InputStream in) throws IOException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return open(new BufferedReader(new InputStreamReader(in, decoder), 64 * 1024));
    }

    public static CsvRows open(Reader in) throws IOException {
        PushbackReader pushback = new PushbackReader(in, 1);
        int first = pushback.read();
        if (first != -1 && first != '\uFEFF') {
            pushback.unread(first);
        }
        return new CsvRows(pushback);
    }

    /** The next row, or null at the end of the file. */
    public String[] next() {
        try {
            if (!rows.hasNextValue()) {
                return null;
            }
            line = rows.getCurrentLocation().getLineNr();
            return rows.nextValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The 1-based line where the row last returned by {@link #next()} starts. */
    public long line() {
        return line;
    }

    @Override
    public void close() throws IOException {
        rows.close();
        reader.close();
    }
}

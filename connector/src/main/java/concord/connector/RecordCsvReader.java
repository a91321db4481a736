package concord.connector;

import concord.connector.internal.CsvFormatException;
import concord.connector.internal.CsvRows;
import concord.connector.internal.Row;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams a REDCap flat record export CSV (raw values, as "Export Data" → "CSV / Microsoft Excel
 * (raw data)" writes it) as {@link RedcapRecord}s, one row at a time in constant memory. The first
 * column is the record-ID field, as in every REDCap export; quoted cells may span lines.
 *
 * <pre>{@code
 * try (RecordCsvReader reader = RecordCsvReader.open(path)) {
 *     reader.forEachRemaining(record -> counts.add(record));
 * }
 * }</pre>
 */
public final class RecordCsvReader implements Iterator<RedcapRecord>, Closeable {

    private final CsvRows rows;
    private final String source;
    private final List<String> columns;
    private final Row.Columns rowColumns;
    private String[] nextRow;
    private long nextLine;

    private RecordCsvReader(CsvRows rows, String source) {
        this.rows = rows;
        this.source = source;
        String[] header = read();
        this.columns = header == null ? List.of() : checkHeader(header);
        this.rowColumns = new Row.Columns(columns);
        advance();
    }

    public static RecordCsvReader open(Path file) throws IOException {
        return open(Files.newInputStream(file), file.toString());
    }

    /** Reads UTF-8 (bad bytes become U+FFFD); {@code sourceName} names the file in error messages. */
    public static RecordCsvReader open(InputStream in, String sourceName) throws IOException {
        return construct(CsvRows.open(in), sourceName);
    }

    public static RecordCsvReader open(Reader in, String sourceName) throws IOException {
        return construct(CsvRows.open(in), sourceName);
    }

    private static RecordCsvReader construct(CsvRows rows, String source) throws IOException {
        try {
            return new RecordCsvReader(rows, source);
        } catch (RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /** The header, in file order; empty for an empty file (REDCap sends nothing when no record matches). */
    public List<String> columns() {
        return columns;
    }

    /** The record-ID field (first column), empty for an empty file. */
    public String recordIdField() {
        return columns.isEmpty() ? "" : columns.get(0);
    }

    @Override
    public boolean hasNext() {
        return nextRow != null;
    }

    @Override
    public RedcapRecord next() {
        if (nextRow == null) {
            throw new NoSuchElementException("no more rows in " + source);
        }
        String[] row = nextRow;
        long line = nextLine;
        advance();
        if (row.length != columns.size()) {
            throw new RedcapFormatException(source + " line " + line + " has " + row.length + " cells but the header has "
                    + columns.size() + "; the file is cut short or a cell with a comma or line break lost its quotes",
                    null);
        }
        return RedcapRecord.of(columns.get(0), new Row(rowColumns, row));
    }

    /** The remaining rows as a sequential stream; closing the stream closes the reader. */
    public Stream<RedcapRecord> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false).onClose(() -> {
                    try {
                        close();
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    private void advance() {
        nextRow = read();
        nextLine = rows.line();
    }

    private String[] read() {
        try {
            return rows.next();
        } catch (UncheckedIOException e) {
            throw new RedcapFormatException(source + " could not be read: " + e.getCause().getMessage(), e.getCause());
        } catch (CsvFormatException e) {
            throw RecordCsvScanner.unreadable(source, e);
        }
    }

    private List<String> checkHeader(String[] header) {
        return RecordCsvScanner.checkHeader(source, header);
    }
}

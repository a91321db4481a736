package concord.connector;

import concord.connector.internal.CsvFormatException;
import concord.connector.internal.CsvTokenizer;
import concord.connector.internal.RowCells;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a REDCap record export CSV file as bytes ({@link ExportRow}s to a {@link RecordRowSink}), the
 * fast way in for analyses: no strings or maps per row, reads through a few reused buffers (no memory
 * mapping, so memory stays flat whatever the file's size), and {@link #split(int)} cuts the file into
 * ranges at record boundaries that threads scan independently with {@link #scan}. Reads exactly what
 * {@link RecordCsvReader} reads, with the same checks and messages.
 *
 * <pre>{@code
 * try (RecordCsvScanner csv = RecordCsvScanner.open(path)) {
 *     csv.scan(csv.dataStart(), csv.size(), csv.firstDataLine(), sink);
 * }
 * }</pre>
 */
public final class RecordCsvScanner implements Closeable {

    private static final int BOUNDARY_WINDOW = 64 * 1024;

    private final FileChannel channel;
    private final String source;
    private final ExportColumns columns;
    private final long dataStart;
    private final long firstDataLine;
    private final long size;

    private RecordCsvScanner(FileChannel channel, String source) throws IOException {
        this.channel = channel;
        this.source = source;
        this.size = channel.size();
        CsvTokenizer header = CsvTokenizer.of(channel, 0, Long.MAX_VALUE);
        try {
            this.columns = header.next() ? ExportColumns.of(checkHeader(source, header.row().texts()), 0) : null;
        } catch (CsvFormatException e) {
            throw unreadable(source, e);
        }
        this.dataStart = header.offset();
        this.firstDataLine = header.line();
    }

    public static RecordCsvScanner open(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            return new RecordCsvScanner(channel, file.toString());
        } catch (RuntimeException | IOException e) {
            channel.close();
            throw e;
        }
    }

    /** The file, as messages name it. */
    public String source() {
        return source;
    }

    /** The header's columns (the record ID is the first); null for an empty file. */
    public ExportColumns columns() {
        return columns;
    }

    /** Where the rows after the header start. */
    public long dataStart() {
        return dataStart;
    }

    /** The line number of the first row after the header. */
    public long firstDataLine() {
        return firstDataLine;
    }

    public long size() {
        return size;
    }

    /**
     * Cuts the rows into at most {@code parts} ranges {@code [from, to)} that cover them, each starting at a line
     * whose record ID differs from the line before (so a record's rows stay together). A quoted cell spanning
     * a cut would make that cut wrong; {@link #scan} returns where a range really ended, so the caller checks
     * that it is where the next range starts.
     */
    public List<long[]> split(int parts) throws IOException {
        List<Long> cuts = new ArrayList<>();
        cuts.add(dataStart);
        long span = size - dataStart;
        for (int i = 1; i < parts; i++) {
            long cut = boundaryAfter(dataStart + span * i / parts);
            if (cut > cuts.get(cuts.size() - 1) && cut < size) {
                cuts.add(cut);
            }
        }
        cuts.add(size);
        List<long[]> ranges = new ArrayList<>();
        for (int i = 0; i + 1 < cuts.size(); i++) {
            ranges.add(new long[] {cuts.get(i), cuts.get(i + 1)});
        }
        return ranges;
    }

    /**
     * Delivers the columns, then every row starting in {@code [from, to)}, checking each row's cell count.
     *
     * @param line the line number at {@code from} (used in messages; {@link #firstDataLine()} for the first range)
     * @return the position after the last row read: {@code to}, unless a row crossed it
     * @throws RedcapFormatException naming the file and line of a row that is not CSV or has a wrong cell count
     */
    public long scan(long from, long to, long line, RecordRowSink sink) {
        if (columns == null) {
            return size;
        }
        sink.columns(columns);
        CsvTokenizer rows = CsvTokenizer.of(channel, from, to, line);
        try {
            while (rows.next()) {
                deliver(source, columns, rows.row(), sink);
            }
        } catch (CsvFormatException e) {
            throw unreadable(source, e);
        } catch (UncheckedIOException e) {
            throw new RedcapFormatException(source + " could not be read: " + e.getCause().getMessage(), e.getCause());
        }
        return rows.offset();
    }

    /**
     * Reads a whole export from a stream (header, then every row) into {@code sink}; {@code source} names it in
     * messages. The same checks as {@link #scan(long, long, long, RecordRowSink)}.
     */
    public static void scan(InputStream in, String source, RecordRowSink sink) {
        CsvTokenizer rows = CsvTokenizer.of(in);
        try {
            if (!rows.next()) {
                return;
            }
            ExportColumns columns = ExportColumns.of(checkHeader(source, rows.row().texts()), 0);
            sink.columns(columns);
            while (rows.next()) {
                deliver(source, columns, rows.row(), sink);
            }
        } catch (CsvFormatException e) {
            throw unreadable(source, e);
        } catch (UncheckedIOException e) {
            throw new RedcapFormatException(source + " could not be read: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private static void deliver(String source, ExportColumns columns, RowCells row, RecordRowSink sink) {
        if (row.size() != columns.size()) {
            throw new RedcapFormatException(source + " line " + row.line() + " has " + row.size()
                    + " cells but the header has " + columns.size() + "; the file is cut short or a cell with "
                    + "a comma or line break lost its quotes", null);
        }
        sink.row(row);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    static RedcapFormatException unreadable(String source, CsvFormatException e) {
        return new RedcapFormatException(source + " is not a readable CSV file: line " + e.line() + ": " + e.getMessage()
                + ". Export the records again from REDCap, or fix the quotes in that line.", e);
    }

    static List<String> checkHeader(String source, String[] header) {
        if (header[0].isBlank()) {
            throw new RedcapFormatException(source + " line 1: the first column has no name. A REDCap record export "
                    + "starts with the record-ID field; a first column named \"\" usually means row numbers added by "
                    + "R's write.csv. Export the records again from REDCap.", null);
        }
        Set<String> seen = new HashSet<>();
        for (String column : header) {
            if (!seen.add(column)) {
                throw new RedcapFormatException(source + " line 1: column '" + column + "' appears twice; REDCap "
                        + "exports each field once. Was the file edited or exported with labels as headers?", null);
            }
        }
        return List.copyOf(Arrays.asList(header));
    }

    /**
     * The start of the first line after {@code at} whose first cell differs from the line before's, or
     * {@code size} when none is found near {@code at}.
     */
    private long boundaryAfter(long at) throws IOException {
        ByteBuffer window = ByteBuffer.allocate(BOUNDARY_WINDOW);
        int n = Math.max(0, channel.read(window, at));
        byte[] b = window.array();
        List<Integer> lineStarts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (b[i] == '\n') {
                lineStarts.add(i + 1);
            }
        }
        for (int j = 0; j + 1 < lineStarts.size(); j++) {
            int previous = lineStarts.get(j);
            int next = lineStarts.get(j + 1);
            int nextEnd = firstCellEnd(b, next, n);
            if (nextEnd < n && !Arrays.equals(b, previous, firstCellEnd(b, previous, n), b, next, nextEnd)) {
                return at + next;
            }
        }
        return size;
    }

    private static int firstCellEnd(byte[] b, int from, int limit) {
        int i = from;
        while (i < limit && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
            i++;
        }
        return i;
    }
}

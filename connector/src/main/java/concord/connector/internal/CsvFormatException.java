package concord.connector.internal;

/** CSV bytes that are not a table: {@link #line()} is where the problem is; readers add the file name. */
public final class CsvFormatException extends RuntimeException {
    private final long line;

    public CsvFormatException(long line, String problem) {
        super(problem);
        this.line = line;
    }

    public long line() {
        return line;
    }
}

package concord.connector;

/**
 * Receives a record export row by row as bytes ({@link RecordCsvScanner}, {@link RedcapClient#exportRecordRows}):
 * the column list first, then the rows; again a column list whenever the rows' columns change (a JSON export
 * row with other fields). Rows of one record arrive together, in export order.
 */
public interface RecordRowSink {

    /** The columns of the rows that follow. */
    void columns(ExportColumns columns);

    /** One row; {@code row} is only valid during the call. */
    void row(ExportRow row);
}

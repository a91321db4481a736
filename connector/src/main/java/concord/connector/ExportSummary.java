package concord.connector;

import java.time.Duration;

/**
 * What a streamed record export delivered.
 *
 * @param records   distinct record IDs delivered
 * @param rows      rows delivered (one per record × event × repeat instance)
 * @param batches   record batches requested
 * @param requests  HTTP requests made, retries included
 * @param elapsed   wall-clock time of the whole export
 */
public record ExportSummary(long records, long rows, int batches, int requests, Duration elapsed) {
}

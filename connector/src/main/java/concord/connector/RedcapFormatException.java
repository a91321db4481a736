package concord.connector;

/**
 * A REDCap file (data dictionary or record export CSV) or answer that does not have the shape REDCap
 * gives it. The message names the file, line and column.
 */
public class RedcapFormatException extends RedcapException {

    public RedcapFormatException(String message, Throwable cause) {
        super(message, 0, "", cause);
    }
}

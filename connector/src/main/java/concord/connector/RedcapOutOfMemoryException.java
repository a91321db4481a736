package concord.connector;

/**
 * REDCap ran out of memory on this request ("REDCap ran out of server memory"). Not retried: the
 * same request fails the same way; export or import in smaller batches instead.
 */
public class RedcapOutOfMemoryException extends RedcapServerException {

    public RedcapOutOfMemoryException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, httpStatus, redcapMessage, cause);
    }

    @Override
    public boolean transientFailure() {
        return false;
    }
}

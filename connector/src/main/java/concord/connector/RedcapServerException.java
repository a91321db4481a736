package concord.connector;

/** REDCap failed on its side (HTTP 5xx) or a gateway in front of it timed out (HTTP 408, 502, 503, 504). */
public class RedcapServerException extends RedcapException {

    public RedcapServerException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, httpStatus, redcapMessage, cause);
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}

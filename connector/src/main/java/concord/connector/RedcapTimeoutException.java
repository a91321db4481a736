package concord.connector;

/** REDCap did not answer within the configured time-out. */
public class RedcapTimeoutException extends RedcapException {

    public RedcapTimeoutException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, httpStatus, redcapMessage, cause);
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}

package concord.connector;

/** REDCap (or a proxy, login page or maintenance page in front of it) answered with an HTML page where API data was expected. */
public class RedcapHtmlResponseException extends RedcapException {

    public RedcapHtmlResponseException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, httpStatus, redcapMessage, cause);
    }

    @Override
    public boolean transientFailure() {
        return true;
    }
}

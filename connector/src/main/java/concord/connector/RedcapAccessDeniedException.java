package concord.connector;

/** REDCap refused the token (HTTP 403): the token is wrong or expired, or its user has no API rights on the project. */
public class RedcapAccessDeniedException extends RedcapException {

    public RedcapAccessDeniedException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, httpStatus, redcapMessage, cause);
    }

}

package concord.connector;

/** REDCap rejected a parameter, field, record or other value of the request (HTTP 400 and similar). */
public class RedcapInvalidRequestException extends RedcapException {

    public RedcapInvalidRequestException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, httpStatus, redcapMessage, cause);
    }

}

package concord.connector;

/** No connection to REDCap could be made or kept (DNS, refused connection, TLS, reset). */
public class RedcapConnectionException extends RedcapException {

    public RedcapConnectionException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, httpStatus, redcapMessage, cause);
    }

}

package concord.connector;

/** REDCap's rate limiter banned this machine's IP address ("has been banned due to suspected abuse"). Never retried: only a REDCap administrator can lift the ban. */
public class RedcapBannedException extends RedcapException {

    public RedcapBannedException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, httpStatus, redcapMessage, cause);
    }

}

package concord.connector;

import java.util.Objects;

/**
 * Base of every failure talking to REDCap. The message says what happened, quotes REDCap's own
 * words when there are any, and says what to do; it never contains the API token.
 */
public class RedcapException extends RuntimeException {

    private final int httpStatus;
    private final String redcapMessage;

    /**
     * @param httpStatus    the HTTP status REDCap answered with, 0 if there was no answer
     * @param redcapMessage REDCap's own error text, empty if none
     */
    public RedcapException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.redcapMessage = Objects.requireNonNullElse(redcapMessage, "");
    }

    /** The HTTP status of REDCap's answer, 0 when no answer arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** REDCap's own error text (without the {@code ERROR: } prefix), empty if there was none. */
    public String redcapMessage() {
        return redcapMessage;
    }

    /** True for failures that may pass when the same request is sent again later. */
    public boolean transientFailure() {
        return false;
    }
}

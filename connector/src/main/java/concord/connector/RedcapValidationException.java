package concord.connector;

import java.util.List;

/**
 * REDCap refused an import because values did not validate. REDCap treats the import as a whole:
 * fix every listed value and send it again.
 */
public class RedcapValidationException extends RedcapException {

    private final List<ValidationError> errors;

    public RedcapValidationException(String message, int httpStatus, String redcapMessage,
                                     List<ValidationError> errors) {
        super(message, httpStatus, redcapMessage, null);
        this.errors = List.copyOf(errors);
    }

    /** Every refused value, in REDCap's order. */
    public List<ValidationError> errors() {
        return errors;
    }
}

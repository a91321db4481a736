package concord.connector;

/** REDCap refused an import (HTTP 403 "You do not have API Import/Update privileges"): the token's user lacks the API Import/Update right. */
public class RedcapImportDeniedException extends RedcapException {

    public RedcapImportDeniedException(String message, int httpStatus, String redcapMessage, Throwable cause) {
        super(message, httpStatus, redcapMessage, cause);
    }

}

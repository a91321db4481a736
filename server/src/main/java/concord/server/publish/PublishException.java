package concord.server.publish;

/** Publishing failed; what was uploaded by this run has been removed again (or the message says what was not). */
public class PublishException extends RuntimeException {
    public PublishException(String message, Throwable cause) {
        super(message, cause);
    }
}

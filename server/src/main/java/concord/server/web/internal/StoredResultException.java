package concord.server.web.internal;

/** A run's stored result cannot be shown on the dashboard; the message says why and what to do. */
public class StoredResultException extends RuntimeException {
    public StoredResultException(String message) {
        super(message);
    }
}

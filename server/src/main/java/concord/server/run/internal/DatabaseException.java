package concord.server.run.internal;

import java.sql.SQLException;

/** The run database could not be reached or refused a statement. */
public class DatabaseException extends RuntimeException {
    public DatabaseException(SQLException cause) {
        super("Run database error: " + cause.getMessage(), cause);
    }
}

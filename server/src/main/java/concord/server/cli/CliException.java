package concord.server.cli;

/** A command-line mistake: printed without a stack trace, exit code 2. */
public class CliException extends RuntimeException {
    public CliException(String message) {
        super(message);
    }
}

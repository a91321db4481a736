package concord.server.run;

import io.micronaut.core.annotation.Nullable;

/** A run failed for a reason people can act on; the message is stored with the run. */
public class RunFailedException extends RuntimeException {
    private final transient RunFailureFacts facts;

    public RunFailedException(String message, @Nullable RunFailureFacts facts, @Nullable Throwable cause) {
        super(message, cause);
        this.facts = facts;
    }

    public RunFailedException(String message) {
        this(message, null, null);
    }

    public @Nullable RunFailureFacts facts() {
        return facts;
    }
}

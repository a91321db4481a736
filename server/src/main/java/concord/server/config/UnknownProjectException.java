package concord.server.config;

import java.util.Collection;

/** A project id that is not configured under {@code concord.projects}. */
public class UnknownProjectException extends RuntimeException {
    public UnknownProjectException(String id, Collection<String> known) {
        super("No project '" + id + "' is configured; configured projects: " + (known.isEmpty() ? "none" : known)
                + ". Add it under concord.projects." + id + " or use one of those ids.");
    }
}

package concord.server.api;

import io.micronaut.serde.annotation.Serdeable;

/** The JSON body of every admin API error: one sentence saying what is wrong and what to do. */
@Serdeable
public record ApiError(String message) {
}

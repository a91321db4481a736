package concord.server.run;

import io.micronaut.core.annotation.Nullable;

/** What a failed run had learned before it failed (any of it may be unknown). */
public record RunFailureFacts(@Nullable String fingerprint, @Nullable String configHash, @Nullable String concordVersion,
                             @Nullable String redcapVersion, @Nullable Integer recordCount) {
}

package concord.server.run;

import io.micronaut.core.annotation.Nullable;

import java.util.List;

/** What a successful run records when it finishes. */
public record RunCompletion(
        RunOutcome outcome,
        int recordCount,
        int excludedValues,
        String fingerprint,
        String configHash,
        String concordVersion,
        @Nullable String redcapVersion,
        @Nullable String publishedTo,
        List<RunArtifact> artifacts) {

    public RunCompletion {
        artifacts = List.copyOf(artifacts);
    }
}

package concord.server.run;

import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

/** Fails runs honestly until the study executor is wired in (replaced by a @Primary executor). */
@Singleton
@Secondary
class PendingAnalysisExecutor implements RunExecutor {
    @Override
    public RunCompletion execute(Run run, RunContext context) {
        throw new RunFailedException("This Concord build cannot analyse studies yet (the analysis pipeline is not wired in).");
    }
}

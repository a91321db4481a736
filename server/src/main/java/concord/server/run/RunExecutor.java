package concord.server.run;

/**
 * Does the work of one claimed run: read, analyse, publish. Throws {@link RunFailedException} (or any
 * exception) to fail the run; the worker records the message.
 */
public interface RunExecutor {
    RunCompletion execute(Run run, RunContext context) throws Exception;
}

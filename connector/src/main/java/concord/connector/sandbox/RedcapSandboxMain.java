package concord.connector.sandbox;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a sandbox with the CLBPOQ demo project (or a REDCapR-style fixture folder) and prints the API URL and a
 * token:
 *
 * <pre>
 * java -cp … concord.connector.sandbox.RedcapSandboxMain [--port 8089] [--host 127.0.0.1]
 *      [--project DIR] [--token 32HEX] [--det-url URL]
 * </pre>
 */
public final class RedcapSandboxMain {
    static final String USAGE = "Usage: RedcapSandboxMain [--port 8089] [--host 127.0.0.1] [--project DIR] [--token 32HEX] [--det-url URL]";

    private RedcapSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        RedcapSandbox sandbox;
        try {
            sandbox = start(args, System.out);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (sandbox == null) {
            return;
        }
        System.out.println("Press Ctrl+C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        new CountDownLatch(1).await();
    }

    /** Parses the options, starts the sandbox and prints its URL and token; null after {@code --help}. */
    static RedcapSandbox start(String[] args, PrintStream out) {
        int port = 8089;
        String host = "127.0.0.1";
        Path projectDir = null;
        String token = null;
        String detUrl = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                out.println(USAGE);
                return null;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Option " + a + " needs a value. " + USAGE);
            }
            String v = args[++i];
            switch (a) {
                case "--port" -> port = Integer.parseInt(v);
                case "--host" -> host = v;
                case "--project" -> projectDir = Path.of(v);
                case "--token" -> token = v;
                case "--det-url" -> detUrl = v;
                default -> throw new IllegalArgumentException("Unknown option " + a + ". " + USAGE);
            }
        }
        RedcapSandbox sandbox = RedcapSandbox.builder().host(host).port(port).build().start();
        try {
            int pid = projectDir == null ? sandbox.seedDemoProject() : sandbox.addProject(SandboxProject.fromFixtureDirectory(projectDir));
            SandboxUser user = SandboxUser.withAllRights("demo_user");
            if (token == null) {
                token = sandbox.createToken(pid, user);
            } else {
                sandbox.registerToken(pid, user, token);
            }
            if (detUrl != null) {
                sandbox.setDataEntryTrigger(pid, URI.create(detUrl));
            }
            SandboxProject project = sandbox.project(pid);
            out.println("REDCap sandbox " + sandbox.redcapVersion() + " is running.");
            out.println("Project " + pid + ": " + project.title() + " (" + project.recordCount() + " records)");
            out.println("API URL: " + sandbox.apiUrl());
            // A sandbox token guards only throwaway test data; the demo needs to see it.
            out.println("Token:   " + token);
            return sandbox;
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }
}

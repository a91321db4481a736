package concord.connector.sandbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * Starts a sandbox with the CLBPOQ demo project (or a REDCapR-style fixture folder) and prints the API URL and a
 * token:
 *
 * <pre>
 * java -cp connector.jar:… concord.connector.sandbox.RedcapSandboxMain [--port 8089] [--host 127.0.0.1]
 *      [--project DIR] [--token 32HEX] [--det-url URL]
 * </pre>
 */
public final class RedcapSandboxMain {
    private RedcapSandboxMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = 8089;
        String host = "127.0.0.1";
        Path projectDir = null;
        String token = null;
        String detUrl = null;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                System.out.println("Usage: RedcapSandboxMain [--port 8089] [--host 127.0.0.1] [--project DIR] [--token 32HEX] [--det-url URL]");
                return;
            }
            if (i + 1 >= args.length) {
                fail("Option " + a + " needs a value.");
            }
            String v = args[++i];
            switch (a) {
                case "--port" -> port = Integer.parseInt(v);
                case "--host" -> host = v;
                case "--project" -> projectDir = Path.of(v);
                case "--token" -> token = v;
                case "--det-url" -> detUrl = v;
                default -> fail("Unknown option " + a + "; see --help.");
            }
        }
        RedcapSandbox sandbox = RedcapSandbox.builder().host(host).port(port).build().start();
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
        System.out.println("REDCap sandbox " + sandbox.redcapVersion() + " is running.");
        System.out.println("Project " + pid + ": " + project.title() + " (" + project.recordCount() + " records)");
        System.out.println("API URL: " + sandbox.apiUrl());
        // The sandbox token is throwaway test data, printed so a demo can use it.
        System.out.println("Token:   " + token);
        System.out.println("Press Ctrl+C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        new CountDownLatch(1).await();
    }

    private static void fail(String message) {
        System.err.println(message);
        System.exit(2);
    }
}

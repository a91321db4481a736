package concord.connector.bench;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;

/**
 * The REDCap side of {@link ExportBenchmark}, run in its own JVM so the benchmark's heap figures
 * show the client alone. Seeds a generated project, prints {@code READY <api url> <token>}, and
 * serves until its standard input closes.
 */
public final class BenchSandboxServer {

    static final String TOKEN = "BE4C0123456789ABCDEF0123456789AB";

    private BenchSandboxServer() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        int records = Integer.parseInt(args[0]);
        int ratingFields = Integer.parseInt(args[1]);
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.addProject(SandboxProject.generated("benchmark", records, ratingFields, 2024));
            sandbox.registerToken(pid, SandboxUser.exportOnly("bench"), TOKEN);
            // Move the seeded project into the old generation now, so the young collections of the first exports
            // do not copy it around: a REDCap server keeps its data in the database, not in a fresh heap.
            System.gc();
            System.out.println("READY " + sandbox.apiUrl() + " " + TOKEN);
            System.out.flush();
            while (System.in.read() != -1) {
                // serve until the benchmark closes our stdin
            }
        }
    }
}

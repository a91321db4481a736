package concord.connector.sandbox.bench;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * Seeds a generated project (default 100,000 records × 60 fields) and times a full JSON and CSV export and a
 * batch of 500 records over loopback HTTP. Run (see docs/sandbox.md):
 * <pre>
 * mvn -B -q -pl connector -am test-compile
 * mvn -B -q -pl connector dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx2g -cp connector/target/classes:connector/target/test-classes:$(cat /tmp/cp.txt) \
 *      concord.connector.sandbox.bench.SandboxExportBenchmark 100000 60
 * </pre>
 */
public final class SandboxExportBenchmark {
    private SandboxExportBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int fields = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        long t0 = System.nanoTime();
        SandboxProject project = SandboxProject.generated("benchmark", records, fields, 1);
        long t1 = System.nanoTime();
        System.out.printf("generated %,d records x %d fields in %d ms%n", records, fields, (t1 - t0) / 1_000_000);
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.addProject(project);
            String token = sandbox.createToken(pid, SandboxUser.exportOnly("bench"));
            HttpClient client = HttpClient.newHttpClient();
            for (String format : new String[] {"json", "csv", "json", "csv"}) {
                time(client, sandbox.apiUrl(), "full " + format, "token=" + token + "&content=record&format=" + format);
            }
            StringBuilder batch = new StringBuilder();
            for (int i = 1; i <= 500; i++) {
                batch.append(i == 1 ? "" : ",").append(i * (records / 500));
            }
            for (int i = 0; i < 3; i++) {
                time(client, sandbox.apiUrl(), "500-record batch json", "token=" + token + "&content=record&format=json&records="
                        + URLEncoder.encode(batch.toString(), StandardCharsets.UTF_8));
            }
        }
        Runtime rt = Runtime.getRuntime();
        System.out.printf("heap used %,d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static void time(HttpClient client, URI url, String what, String body) throws Exception {
        long start = System.nanoTime();
        HttpResponse<byte[]> r = client.send(HttpRequest.newBuilder(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofByteArray());
        System.out.printf("%-24s status %d, %,d bytes in %d ms%n", what, r.statusCode(), r.body().length, (System.nanoTime() - start) / 1_000_000);
    }
}

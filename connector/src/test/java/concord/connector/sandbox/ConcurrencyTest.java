package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Parallel imports and exports over HTTP: every request answered, no write lost. */
class ConcurrencyTest {
    @Test
    void parallelImportsAndExports() throws Exception {
        try (RedcapSandbox sandbox = RedcapSandbox.builder().threads(4).build().start()) {
            int pid = sandbox.addProject(SandboxProject.generated("parallel", 200, 10, 3));
            String token = sandbox.createToken(pid, SandboxUser.withAllRights("worker"));
            ExecutorService pool = Executors.newFixedThreadPool(8);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int t = 0; t < 8; t++) {
                    int thread = t;
                    results.add(pool.submit(() -> {
                        int ok = 0;
                        for (int i = 0; i < 20; i++) {
                            HttpResponse<String> r = i % 2 == 0
                                    ? Http.post(sandbox.apiUrl(), "token", token, "content", "record", "action", "import", "format", "csv",
                                            "data", "record_id,group,q1\nt" + thread + "-" + i + ",1,9\n")
                                    : Http.post(sandbox.apiUrl(), "token", token, "content", "record", "format", "json", "fields", "record_id,q1");
                            ok += r.statusCode() == 200 ? 1 : 0;
                        }
                        return ok;
                    }));
                }
                int ok = 0;
                for (Future<Integer> f : results) {
                    ok += f.get();
                }
                assertEquals(160, ok);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(200 + 80, sandbox.project(pid).recordCount());
        }
    }
}

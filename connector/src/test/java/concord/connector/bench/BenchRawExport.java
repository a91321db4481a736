package concord.connector.bench;

import concord.connector.ExportSummary;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.FormBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * The requests {@code RedcapClient}'s batched export sends (the record-ID list, then batches named by comma-joined
 * IDs, same parameters), over OkHttp, with every answer read to the end and thrown away: {@link ExportBenchmark}'s
 * {@code -Dclient=raw}, which measures what serving an export costs the server, without the client's parsing. The
 * generated benchmark project names its records 1…N, so the batches name them directly.
 */
final class BenchRawExport {

    private BenchRawExport() {
    }

    static ExportSummary run(OkHttpClient http, String apiUrl, String token, int records, int batchSize, AtomicLong bytes) {
        long start = System.nanoTime();
        int requests = 0;
        read(http, apiUrl, form(token).add("fields", "record_id").build(), bytes);
        requests++;
        int batches = 0;
        for (int first = 1; first <= records; first += batchSize) {
            List<String> ids = new ArrayList<>();
            for (int r = first; r < first + batchSize && r <= records; r++) {
                ids.add(Integer.toString(r));
            }
            read(http, apiUrl, form(token).add("records", String.join(",", ids)).add("exportSurveyFields", "false")
                    .add("exportDataAccessGroups", "false").build(), bytes);
            requests++;
            batches++;
        }
        return new ExportSummary(records, records, batches, requests, Duration.ofNanos(System.nanoTime() - start));
    }

    private static FormBody.Builder form(String token) {
        return new FormBody.Builder().add("token", token).add("content", "record").add("action", "export")
                .add("format", "json").add("type", "flat").add("rawOrLabel", "raw").add("rawOrLabelHeaders", "raw")
                .add("exportCheckboxLabel", "false").add("returnFormat", "json");
    }

    private static void read(OkHttpClient http, String apiUrl, FormBody body, AtomicLong bytes) {
        try (Response r = http.newCall(new Request.Builder().url(apiUrl).post(body).build()).execute()) {
            if (r.code() != 200) {
                throw new IllegalStateException("HTTP " + r.code() + " from " + apiUrl);
            }
            byte[] sink = new byte[64 * 1024];
            try (InputStream in = r.body().byteStream()) {
                for (int n; (n = in.read(sink)) != -1; ) {
                    bytes.addAndGet(n);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

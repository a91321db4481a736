package concord.connector.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import concord.connector.RedcapClientConfiguration;
import concord.connector.RedcapConnectionException;
import concord.connector.RedcapException;
import concord.connector.RedcapServerException;
import concord.connector.RedcapTimeoutException;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.SocketFactory;
import okhttp3.FormBody;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.ByteString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiRequest}s over OkHttp: form-encoded (multipart when a file goes along), no
 * redirects, REDCap's error answers turned into exceptions, and retries with capped exponential
 * back-off for failures that may pass (time-outs, 408, 5xx, HTML pages) on requests that are safe
 * to repeat. Logs name the operation, status and timing; never parameters, bodies or the token.
 */
public final class ApiTransport implements Closeable {

    /** Reads a successful answer. Runs inside the retry loop: it must not hand data on before it returns. */
    @FunctionalInterface
    public interface ResponseReader<T> {
        T read(Response response) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
    private static final int PEEK_BYTES = 4096;
    private static final int ERROR_BODY_LIMIT = 64 * 1024;

    private final RedcapClientConfiguration configuration;
    private final OkHttpClient http;
    private final Sleeper sleeper;
    private final ErrorClassifier classifier;
    private final AtomicInteger requests = new AtomicInteger();

    public ApiTransport(RedcapClientConfiguration configuration, Sleeper sleeper) {
        this.configuration = configuration;
        this.sleeper = sleeper;
        this.classifier = new ErrorClassifier(configuration.apiUrl().toString(), configuration.token());
        this.http = new OkHttpClient.Builder()
                .connectTimeout(configuration.connectTimeout())
                .readTimeout(configuration.readTimeout())
                .writeTimeout(configuration.readTimeout())
                // A redirected POST becomes a GET without body (REDCap: 501); report it instead.
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .socketFactory(new NoDelaySocketFactory(SocketFactory.getDefault()))
                .build();
    }

    /** HTTP requests sent so far, retries included. */
    public int requestCount() {
        return requests.get();
    }

    public <T> T execute(ApiRequest request, ResponseReader<T> reader) {
        int maxAttempts = request.idempotent() ? configuration.retryPolicy().maxAttempts() : 1;
        for (int attempt = 1; ; attempt++) {
            try {
                return attempt(request, reader, attempt);
            } catch (RedcapException e) {
                if (!e.transientFailure() || attempt >= maxAttempts) {
                    throw e;
                }
                Duration wait = configuration.retryPolicy().backoffAfter(attempt);
                LOG.warn("REDCap {}: attempt {} of {} failed ({}); retrying in {} ms", request.description(), attempt,
                        maxAttempts, e.getClass().getSimpleName(), wait.toMillis());
                pause(wait);
            }
        }
    }

    /** Waits, turning an interrupt into an exception that ends the operation. */
    public void pause(Duration wait) {
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RedcapConnectionException("Interrupted while waiting to call REDCap again", 0, "", e);
        }
    }

    private <T> T attempt(ApiRequest request, ResponseReader<T> reader, int attempt) {
        long start = System.nanoTime();
        requests.incrementAndGet();
        try (Response response = http.newCall(build(request)).execute()) {
            int status = response.code();
            String text = status >= 200 && status < 300
                    ? response.peekBody(PEEK_BYTES).string()
                    : new String(response.peekBody(ERROR_BODY_LIMIT).bytes(), StandardCharsets.UTF_8);
            String type = response.header("Content-Type", "");
            // A file download (Content-Type carries name="...") is data whatever its first bytes look like.
            boolean file = status == 200 && type.toLowerCase(java.util.Locale.ROOT).contains("name=");
            RedcapException failure = file ? null : classifier.classify(request.description(), status, text, response.header("Location"));
            LOG.debug("REDCap {}: HTTP {} after {} ms (attempt {})", request.description(), status,
                    (System.nanoTime() - start) / 1_000_000, attempt);
            if (failure != null) {
                throw failure;
            }
            return reader.read(response);
        } catch (RedcapException e) {
            throw e;
        } catch (InterruptedIOException e) {
            throw new RedcapTimeoutException("REDCap at " + configuration.apiUrl() + " did not answer "
                    + request.description() + " within the time-out (connect " + configuration.connectTimeout().toSeconds()
                    + " s, read " + configuration.readTimeout().toSeconds() + " s). If REDCap is slow rather than down, "
                    + "raise readTimeout or lower batchSize.", 0, "", e);
        } catch (JsonProcessingException e) {
            throw new RedcapServerException("REDCap at " + configuration.apiUrl() + " sent an answer to "
                    + request.description() + " that is not the JSON the API promises (" + e.getOriginalMessage()
                    + "). A proxy may have cut the answer short; if it persists, check the server.", 200, "", e);
        } catch (IOException e) {
            throw new RedcapConnectionException("Could not reach REDCap at " + configuration.apiUrl() + " while "
                    + request.description() + " (" + Tokens.redact(String.valueOf(e.getMessage()), configuration.token())
                    + "). Check the API URL, the network and proxy settings, and that the server's TLS certificate is "
                    + "trusted by this Java runtime.", 0, "", e);
        }
    }

    private Request build(ApiRequest request) {
        RequestBody body;
        if (request.file() == null) {
            FormBody.Builder form = new FormBody.Builder(StandardCharsets.UTF_8);
            if (request.withToken()) {
                form.add("token", configuration.token());
            }
            for (Map.Entry<String, String> p : request.parameters()) {
                form.add(p.getKey(), p.getValue());
            }
            body = form.build();
        } else {
            MultipartBody.Builder multipart = new MultipartBody.Builder().setType(MultipartBody.FORM);
            if (request.withToken()) {
                multipart.addFormDataPart("token", configuration.token());
            }
            for (Map.Entry<String, String> p : request.parameters()) {
                multipart.addFormDataPart(p.getKey(), p.getValue());
            }
            ApiRequest.FilePart file = request.file();
            MediaType type = MediaType.parse(file.contentType());
            multipart.addFormDataPart("file", file.fileName(),
                    RequestBody.create(ByteString.of(file.content()), type));
            body = multipart.build();
        }
        return new Request.Builder()
                .url(configuration.apiUrl().toString())
                .header("Accept", "application/json, text/csv;q=0.8, */*;q=0.5")
                .post(body)
                .build();
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}

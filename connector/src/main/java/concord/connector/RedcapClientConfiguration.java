package concord.connector;

import concord.connector.internal.Tokens;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * Everything a {@link RedcapClient} needs: where REDCap's API is, the project token, and how
 * patiently and politely to talk to it. Immutable; change a copy with the {@code with...} methods.
 *
 * <p>The token is checked here, before any request: 32 hexadecimal characters after surrounding
 * whitespace is trimmed (a trailing newline copied from a file is a classic failure). It is never
 * shown by {@link #toString()}.
 *
 * @param apiUrl         REDCap's API endpoint, e.g. {@code https://redcap.example.org/redcap/api/}
 * @param token          the project's API token (one user × one project)
 * @param connectTimeout time allowed to open a connection
 * @param readTimeout    time allowed between two packets of an answer (big exports stream slowly)
 * @param batchSize      records per export request (REDCapR uses 100, the default here is 500)
 * @param retryPolicy    which failed requests are repeated and how long to wait
 * @param interBatchPause minimum time between the starts of two consecutive batch requests of one
 *                       export. REDCap bans an IP address for good after 600 requests a minute (its
 *                       default "page hit threshold"); the default 500 ms keeps one export at 120 a
 *                       minute or fewer, a fifth of that.
 */
public record RedcapClientConfiguration(
        URI apiUrl,
        String token,
        Duration connectTimeout,
        Duration readTimeout,
        int batchSize,
        RetryPolicy retryPolicy,
        Duration interBatchPause) {

    public static final int DEFAULT_BATCH_SIZE = 500;
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(5);
    public static final Duration DEFAULT_INTER_BATCH_PAUSE = Duration.ofMillis(500);

    public RedcapClientConfiguration {
        apiUrl = normalizeApiUrl(apiUrl);
        token = Tokens.requireValid(token);
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(readTimeout, "readTimeout");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be at least 1, was " + batchSize);
        }
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(interBatchPause, "interBatchPause");
        if (interBatchPause.isNegative()) {
            throw new IllegalArgumentException("interBatchPause must not be negative, was " + interBatchPause);
        }
    }

    /** A configuration with the defaults: 10 s connect, 5 min read, batches of 500, 500 ms pacing, 5 attempts. */
    public static RedcapClientConfiguration of(String apiUrl, String token) {
        return of(toUri(apiUrl), token);
    }

    public static RedcapClientConfiguration of(URI apiUrl, String token) {
        return new RedcapClientConfiguration(apiUrl, token, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT,
                DEFAULT_BATCH_SIZE, RetryPolicy.defaults(), DEFAULT_INTER_BATCH_PAUSE);
    }

    public RedcapClientConfiguration withApiUrl(URI url) {
        return new RedcapClientConfiguration(url, token, connectTimeout, readTimeout, batchSize, retryPolicy, interBatchPause);
    }

    public RedcapClientConfiguration withToken(String newToken) {
        return new RedcapClientConfiguration(apiUrl, newToken, connectTimeout, readTimeout, batchSize, retryPolicy, interBatchPause);
    }

    public RedcapClientConfiguration withConnectTimeout(Duration timeout) {
        return new RedcapClientConfiguration(apiUrl, token, timeout, readTimeout, batchSize, retryPolicy, interBatchPause);
    }

    public RedcapClientConfiguration withReadTimeout(Duration timeout) {
        return new RedcapClientConfiguration(apiUrl, token, connectTimeout, timeout, batchSize, retryPolicy, interBatchPause);
    }

    public RedcapClientConfiguration withBatchSize(int size) {
        return new RedcapClientConfiguration(apiUrl, token, connectTimeout, readTimeout, size, retryPolicy, interBatchPause);
    }

    public RedcapClientConfiguration withRetryPolicy(RetryPolicy policy) {
        return new RedcapClientConfiguration(apiUrl, token, connectTimeout, readTimeout, batchSize, policy, interBatchPause);
    }

    public RedcapClientConfiguration withInterBatchPause(Duration pause) {
        return new RedcapClientConfiguration(apiUrl, token, connectTimeout, readTimeout, batchSize, retryPolicy, pause);
    }

    /** Shows everything but the token. */
    @Override
    public String toString() {
        return "RedcapClientConfiguration[apiUrl=" + apiUrl + ", token=" + Tokens.REDACTED
                + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", batchSize=" + batchSize + ", retryPolicy=" + retryPolicy
                + ", interBatchPause=" + interBatchPause + "]";
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
    }

    private static URI toUri(String url) {
        Objects.requireNonNull(url, "apiUrl");
        try {
            return new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("The REDCap API URL '" + url + "' is not a valid URL: " + e.getMessage()
                    + ". Use the address shown on REDCap's API page, e.g. https://redcap.example.org/redcap/api/", e);
        }
    }

    /** REDCap answers only on {@code .../api/}; a missing trailing slash costs a redirect that turns POST into GET (501). */
    private static URI normalizeApiUrl(URI url) {
        Objects.requireNonNull(url, "apiUrl");
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http") || url.getHost() == null) {
            throw new IllegalArgumentException("The REDCap API URL '" + url + "' must be an absolute http(s) URL such as "
                    + "https://redcap.example.org/redcap/api/ (see REDCap's API page)");
        }
        if (url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
            throw new IllegalArgumentException("The REDCap API URL '" + url.getScheme() + "://" + url.getHost()
                    + url.getRawPath() + "' must not carry a query, fragment or user name; REDCap takes everything in the POST body");
        }
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        if (path.endsWith("/api")) {
            path = path + "/";
        }
        if (!path.endsWith("/api/")) {
            throw new IllegalArgumentException("The REDCap API URL '" + url + "' must end with /api/ "
                    + "(e.g. https://redcap.example.org/redcap/api/); REDCap's API page shows the exact address");
        }
        return url.resolve(path);
    }
}

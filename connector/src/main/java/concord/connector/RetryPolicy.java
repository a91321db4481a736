package concord.connector;

import java.time.Duration;
import java.util.Objects;

/**
 * How often and how patiently the client repeats a request that failed for a reason that may pass:
 * a time-out, HTTP 408, a 5xx answer or an HTML page where data was expected. Requests that REDCap
 * refused (4xx) or answered with its IP-ban text are never repeated.
 *
 * <p>The wait before attempt {@code n + 1} is {@code baseBackoff × 2^(n-1)}, capped at {@code maxBackoff}:
 * with the defaults 1 s, 2 s, 4 s, 8 s (redcapAPI uses 2–32 s).
 *
 * @param maxAttempts total attempts including the first; 1 disables retries
 * @param baseBackoff wait before the second attempt
 * @param maxBackoff upper bound of any single wait
 */
public record RetryPolicy(int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1 (1 = no retries), was " + maxAttempts);
        }
        Objects.requireNonNull(baseBackoff, "baseBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (baseBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("back-off durations must not be negative");
        }
        if (maxBackoff.compareTo(baseBackoff) < 0) {
            throw new IllegalArgumentException(
                    "maxBackoff (" + maxBackoff + ") must not be shorter than baseBackoff (" + baseBackoff + ")");
        }
    }

    /** Five attempts, waiting 1 s, 2 s, 4 s, 8 s between them (never more than 30 s). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** A single attempt. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO);
    }

    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseBackoff, maxBackoff);
    }

    public RetryPolicy withBaseBackoff(Duration base) {
        return new RetryPolicy(maxAttempts, base, maxBackoff.compareTo(base) < 0 ? base : maxBackoff);
    }

    public RetryPolicy withMaxBackoff(Duration max) {
        return new RetryPolicy(maxAttempts, baseBackoff, max);
    }

    /** The wait after failed attempt number {@code attempt} (1-based). */
    public Duration backoffAfter(int attempt) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based, was " + attempt);
        }
        int shift = Math.min(attempt - 1, 30);
        long millis = baseBackoff.toMillis();
        long wait = millis > (Long.MAX_VALUE >> shift) ? Long.MAX_VALUE : millis << shift;
        return wait > maxBackoff.toMillis() ? maxBackoff : Duration.ofMillis(wait);
    }
}

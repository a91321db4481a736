package concord.connector.internal;

import java.time.Duration;

/** Waits; replaced in tests so back-off and pacing can be checked without slowing the build. */
@FunctionalInterface
public interface Sleeper {

    void sleep(Duration duration) throws InterruptedException;

    Sleeper SYSTEM = d -> {
        if (!d.isZero() && !d.isNegative()) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };
}

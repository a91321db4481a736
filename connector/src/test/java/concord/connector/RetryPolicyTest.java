package concord.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    @Test
    void backoffDoublesUpToTheCap() {
        RetryPolicy p = RetryPolicy.defaults();
        assertEquals(Duration.ofSeconds(1), p.backoffAfter(1));
        assertEquals(Duration.ofSeconds(2), p.backoffAfter(2));
        assertEquals(Duration.ofSeconds(4), p.backoffAfter(3));
        assertEquals(Duration.ofSeconds(8), p.backoffAfter(4));
        assertEquals(Duration.ofSeconds(30), p.backoffAfter(6));
        assertEquals(Duration.ofSeconds(30), p.backoffAfter(1000));
    }

    @Test
    void invalidPoliciesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> new RetryPolicy(2, Duration.ofSeconds(5), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> RetryPolicy.defaults().backoffAfter(0));
    }

    @Test
    void withMethods() {
        assertEquals(1, RetryPolicy.defaults().withMaxAttempts(1).maxAttempts());
        RetryPolicy slow = RetryPolicy.defaults().withBaseBackoff(Duration.ofMinutes(1));
        assertEquals(Duration.ofMinutes(1), slow.maxBackoff(), "the cap is raised to the base");
    }
}

package concord.server.testing;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Says in the test report whether the PostgreSQL variants ran, and fails if they were asked for but cannot connect. */
class PostgresAvailabilityTest {
    @Test
    void postgresIsReachableWhenConfigured() throws Exception {
        Assumptions.assumeTrue(TestDatabases.postgresAvailable(), TestDatabases.postgresSkipMessage());
        try (Connection c = DriverManager.getConnection(System.getenv(TestDatabases.POSTGRES_URL),
                System.getenv().getOrDefault("CONCORD_TEST_POSTGRES_USER", "postgres"),
                System.getenv().getOrDefault("CONCORD_TEST_POSTGRES_PASSWORD", ""))) {
            assertTrue(c.isValid(5));
        }
    }
}

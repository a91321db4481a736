package concord.server.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Says in the test report which PostgreSQL the PostgreSQL variants ran against (the external server
 * {@code CONCORD_TEST_POSTGRES_URL} names, or the embedded one), and fails when there is none: a fresh machine runs
 * them with the embedded server. Only {@code CONCORD_TEST_POSTGRES_EMBEDDED=false} without a URL skips them.
 */
class PostgresAvailabilityTest {
    @Test
    void postgresRunsEmbeddedOrExternal() throws Exception {
        if (!TestDatabases.postgresAvailable()) {
            Assumptions.assumeFalse("false".equalsIgnoreCase(System.getenv(TestDatabases.EMBEDDED)), TestDatabases.postgresSkipMessage());
        }
        assertTrue(TestDatabases.postgresAvailable(), TestDatabases.postgresSkipMessage());
        TestDatabases.PostgresServer pg = TestDatabases.postgresServer().orElseThrow();
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password()); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("SELECT version()")) {
            assertTrue(c.isValid(5));
            assertTrue(r.next());
            System.out.println("[concord tests] " + pg.description() + " answers: " + r.getString(1));
        }
    }
}

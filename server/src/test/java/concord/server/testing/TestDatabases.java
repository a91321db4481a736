package concord.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fresh, migrated-on-start databases for tests: an H2 in-memory database always, and a fresh schema in
 * PostgreSQL when {@code CONCORD_TEST_POSTGRES_URL} (+ {@code _USER}, {@code _PASSWORD}) is set.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = "CONCORD_TEST_POSTGRES_URL";

    private TestDatabases() {
    }

    /** A database to test against: its name and the Micronaut properties that select it. */
    public record TestDatabase(String name, Map<String, Object> properties) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static List<TestDatabase> all() {
        List<TestDatabase> out = new ArrayList<>();
        out.add(h2());
        if (postgresAvailable()) {
            out.add(postgres());
        }
        return out;
    }

    public static boolean postgresAvailable() {
        String url = System.getenv(POSTGRES_URL);
        return url != null && !url.isBlank();
    }

    public static String postgresSkipMessage() {
        return POSTGRES_URL + " is not set: the PostgreSQL variants of the database tests are skipped. "
                + "Run `bash .ci/setup-machine && source .ci/postgres-env` first to include them.";
    }

    public static TestDatabase h2() {
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", "jdbc:h2:mem:t" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        p.put("datasources.default.username", "sa");
        p.put("datasources.default.password", "");
        return new TestDatabase("H2", p);
    }

    /** A new schema in the test PostgreSQL server, so tests never see each other's rows. */
    public static TestDatabase postgres() {
        String url = System.getenv(POSTGRES_URL);
        String user = env("CONCORD_TEST_POSTGRES_USER", "postgres");
        String password = env("CONCORD_TEST_POSTGRES_PASSWORD", "");
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare a schema in " + url + ": " + e.getMessage(), e);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema);
        p.put("datasources.default.username", user);
        p.put("datasources.default.password", password);
        return new TestDatabase("PostgreSQL", p);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

package concord.server.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fresh, migrated-on-start databases for tests: an H2 in-memory database always, and a fresh schema in
 * PostgreSQL: the server {@code CONCORD_TEST_POSTGRES_URL} (+ {@code _USER}, {@code _PASSWORD}) names (CI sets it to
 * its Debian server through {@code .ci/postgres-env}), else an embedded server started from the binaries Maven
 * ships ({@link BundledPostgres}), so that {@code mvn -B verify} on a fresh machine runs the PostgreSQL tests too.
 * {@code CONCORD_TEST_POSTGRES_EMBEDDED=false} turns the embedded server off (the PostgreSQL tests are then skipped
 * with a message saying so). The first use prints which server the tests run against.
 */
public final class TestDatabases {
    public static final String POSTGRES_URL = "CONCORD_TEST_POSTGRES_URL";
    public static final String EMBEDDED = "CONCORD_TEST_POSTGRES_EMBEDDED";

    /** The PostgreSQL server the tests use, and where it comes from. */
    public record PostgresServer(String url, String user, String password, String description, boolean embedded) {
    }

    private static PostgresServer server;
    private static String unavailable;
    private static boolean resolved;

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

    /** The external server if one is configured, else the embedded one (started on first use), else empty. */
    public static synchronized Optional<PostgresServer> postgresServer() {
        if (!resolved) {
            resolved = true;
            server = resolve();
            System.out.println("[concord tests] PostgreSQL tests run against: "
                    + (server != null ? server.description() : "nothing (" + unavailable + ")"));
        }
        return Optional.ofNullable(server);
    }

    private static PostgresServer resolve() {
        String url = System.getenv(POSTGRES_URL);
        if (url != null && !url.isBlank()) {
            return new PostgresServer(url, env("CONCORD_TEST_POSTGRES_USER", "postgres"), env("CONCORD_TEST_POSTGRES_PASSWORD", ""),
                    "external PostgreSQL " + url + " (" + POSTGRES_URL + ")", false);
        }
        if ("false".equalsIgnoreCase(System.getenv(EMBEDDED))) {
            unavailable = POSTGRES_URL + " is not set and " + EMBEDDED + "=false turns the embedded server off";
            return null;
        }
        try {
            BundledPostgres pg = BundledPostgres.start();
            return new PostgresServer(pg.url(), BundledPostgres.USER, "", pg.description(), true);
        } catch (Exception e) {
            unavailable = "the embedded PostgreSQL did not start: " + e.getMessage();
            return null;
        }
    }

    public static boolean postgresAvailable() {
        return postgresServer().isPresent();
    }

    public static String postgresSkipMessage() {
        postgresServer();
        return "No PostgreSQL for the tests: " + unavailable + ". Set " + POSTGRES_URL + " (see .ci/postgres-env) to use a server of "
                + "your own.";
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
        PostgresServer pg = postgresServer().orElseThrow(() -> new IllegalStateException(postgresSkipMessage()));
        String schema = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        try (Connection c = DriverManager.getConnection(pg.url(), pg.user(), pg.password()); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot prepare a schema in " + pg.url() + ": " + e.getMessage(), e);
        }
        Map<String, Object> p = new HashMap<>();
        p.put("datasources.default.url", pg.url() + (pg.url().contains("?") ? "&" : "?") + "currentSchema=" + schema);
        p.put("datasources.default.username", pg.user());
        p.put("datasources.default.password", pg.password());
        return new TestDatabase("PostgreSQL", p);
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }
}

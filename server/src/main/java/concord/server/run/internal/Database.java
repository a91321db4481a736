package concord.server.run.internal;

import io.micronaut.context.event.StartupEvent;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Plain JDBC over the configured data source, with explicit transactions. The run queue needs
 * statement-level control (row locks, conditional updates), so it does not go through an ORM.
 */
@Singleton
public class Database {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataSource dataSource;
    private volatile Boolean postgres;

    public Database(DataSource dataSource, DataSourceResolver resolver) {
        this.dataSource = resolver.resolve(dataSource);
    }

    /** Work inside one transaction; commits on return, rolls back on any exception. */
    public <T> T transaction(SqlWork<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.apply(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    @EventListener
    void onStartup(StartupEvent event) {
        try {
            ensureDurableCommits();
        } catch (RuntimeException e) {
            LOG.warn("Could not check the run database's commit settings: {}", e.getMessage());
        }
    }

    /**
     * A committed transaction must survive the process being killed: a Data Entry Trigger is acknowledged
     * and a run marked done only after the commit. H2 file databases write commits to disk in the background
     * up to 500 ms later by default (WRITE_DELAY), so a SIGKILL lost acknowledged triggers and finished runs
     * (found by RestartIT). This sets H2's write delay to 0 (a persistent database setting, so it also
     * covers URLs without {@code WRITE_DELAY=0}); PostgreSQL commits durably already. True if it changed it.
     */
    public boolean ensureDurableCommits() {
        return transaction(c -> {
            if (!c.getMetaData().getDatabaseProductName().toLowerCase().contains("h2")
                    || c.getMetaData().getURL().contains(":mem:")) {
                return false; // PostgreSQL, or an H2 database that lives in memory only
            }
            try (Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                if (rs.next() && "0".equals(rs.getString(1).trim())) {
                    return false;
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("SET WRITE_DELAY 0");
            }
            LOG.info("H2 run database: commits are now written at once (WRITE_DELAY 0), so a killed process loses none");
            return true;
        });
    }

    /** True for PostgreSQL (row locks with SKIP LOCKED), false for H2 (conditional updates). */
    public boolean isPostgres() {
        Boolean known = postgres;
        if (known == null) {
            known = transaction(c -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
            postgres = known;
        }
        return known;
    }

    public static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    public static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof java.time.ZonedDateTime zdt) {
            return zdt.toInstant();
        }
        throw new IllegalStateException("Unexpected timestamp type " + value.getClass().getName());
    }

    /** A unit of JDBC work. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection connection) throws SQLException;
    }
}

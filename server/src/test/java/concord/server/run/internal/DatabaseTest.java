package concord.server.run.internal;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class DatabaseTest {
    @TempDir
    Path dir;

    /** An H2 file URL without WRITE_DELAY=0 (H2 would write commits up to 500 ms late) is made durable at startup. */
    @Test
    void anH2FileDatabaseCommitsDurablyAfterStartup() throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("concord") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (ApplicationContext context = ApplicationContext.run(Map.of("datasources.default.url", url,
                "datasources.default.username", "sa", "datasources.default.password", "",
                "concord.runs.worker-enabled", "false"), "test")) {
            Database database = context.getBean(Database.class);
            assertEquals("0", writeDelay(database));
            assertFalse(database.ensureDurableCommits(), "already durable: nothing to change the second time");
        }
        // The setting is stored in the database file: a later plain connection keeps it.
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            rs.next();
            assertEquals("0", rs.getString(1).trim());
        }
    }

    private static String writeDelay(Database database) {
        return database.transaction(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'")) {
                rs.next();
                return rs.getString(1).trim();
            }
        });
    }
}

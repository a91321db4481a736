package concord.server.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.server.testing.TestDatabases;
import concord.server.testing.TestDatabases.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Migration V2 ({@code V2__run_scope.sql}) on a database that already holds V1 runs: old runs become
 * project-wide, and a run queued before the upgrade keeps its coalescing slot.
 */
class RunScopeMigrationTest {
    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    static List<TestDatabase> databases() {
        return TestDatabases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void runsQueuedBeforeTheUpgradeStayProjectWideAndKeepTheirSlot(TestDatabase db) throws Exception {
        String url = (String) db.properties().get("datasources.default.url");
        String user = (String) db.properties().get("datasources.default.username");
        String password = (String) db.properties().get("datasources.default.password");
        Flyway.configure().dataSource(url, user, password).locations("classpath:db/migration").target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO concord_run (project_id, status, queued_slot, trigger_kind, trigger_count,"
                    + " first_trigger_at, last_trigger_at, not_before, deadline) VALUES ('p', 'QUEUED', 'p', 'DET', 3,"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-02 09:00:00+00', TIMESTAMP WITH TIME ZONE '2026-03-02 09:00:00+00',"
                    + " TIMESTAMP WITH TIME ZONE '2026-03-02 09:00:30+00', TIMESTAMP WITH TIME ZONE '2026-03-02 09:10:00+00')");
        }
        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("concord.runs.worker-enabled", "false");
        try (ApplicationContext ctx = ApplicationContext.run(props)) { // migrates to the latest version
            RunQueue queue = ctx.getBean(RunQueue.class);
            Run old = ctx.getBean(RunRepository.class).list("p", 1).get(0);
            assertTrue(old.projectWide());
            assertEquals(RunStatus.QUEUED, old.status());
            Run joined = queue.enqueue("p", TriggerKind.DET, T0.plusSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(10));
            assertEquals(old.id(), joined.id(), "the queued run kept its slot");
            assertEquals(4, joined.triggerCount());
            Run group = queue.enqueue("p", "site_a", TriggerKind.BOOKMARK, T0.plusSeconds(6), Duration.ZERO, Duration.ofMinutes(10));
            assertNotEquals(old.id(), group.id());
            assertEquals("site_a", group.scope());
        }
    }
}

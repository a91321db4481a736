package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.server.run.internal.Database;
import concord.server.testing.TestDatabases;
import concord.server.testing.TestDatabases.TestDatabase;
import concord.server.web.internal.SessionCodec;
import io.micronaut.context.ApplicationContext;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The session store's contract on every supported database (H2 always, PostgreSQL when configured). */
class SessionStoreTest {
    // starts at the real time so that the context's own store (real clock) never finds these rows expired
    private Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final WebConfiguration config = new WebConfiguration(true, Duration.ofMinutes(30), Duration.ofHours(8), 2);

    static List<TestDatabase> databases() {
        return TestDatabases.all();
    }

    private static ApplicationContext start(TestDatabase db) {
        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("concord.runs.worker-enabled", "false");
        return ApplicationContext.run(props);
    }

    private SessionStore store(ApplicationContext ctx) {
        return new SessionStore(config, clock, ctx.getBean(Database.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void sessionsExpireWhenIdleAndAtTheirMaximumAge(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            SessionStore store = store(ctx);
            DashboardSession s = store.launch(new ProjectGrant("p", "alice", "", ""), Optional.empty());
            now = now.plus(Duration.ofMinutes(29));
            assertTrue(store.find(s.id()).isPresent(), "used within the idle limit");
            for (int i = 0; i < 17; i++) {
                now = now.plus(Duration.ofMinutes(29));
                store.find(s.id());
            }
            assertTrue(now.isAfter(s.createdAt().plus(Duration.ofHours(8))));
            assertFalse(store.find(s.id()).isPresent(), "busy sessions still end after max-age");

            DashboardSession idle = store.launch(new ProjectGrant("p", "alice", "", ""), Optional.empty());
            now = now.plus(Duration.ofMinutes(31));
            assertFalse(store.find(idle.id()).isPresent());
            assertEquals(0, rows(ctx).size(), "expired sessions are deleted when presented");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void idsAndTokensAreRandomAndTheOldestSessionGoesBeyondTheLimit(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            SessionStore store = store(ctx);
            DashboardSession a = store.launch(new ProjectGrant("p", "a", "", ""), Optional.empty());
            DashboardSession b = store.launch(new ProjectGrant("p", "b", "", ""), Optional.empty());
            assertNotEquals(a.id(), b.id());
            assertNotEquals(a.csrfToken(), a.id());
            assertEquals(43, a.id().length());
            store.find(a.id());
            store.launch(new ProjectGrant("p", "c", "", ""), Optional.empty());
            assertTrue(store.find(a.id()).isPresent(), "recently used");
            assertFalse(store.find(b.id()).isPresent(), "least recently used dropped");
            assertEquals(2, rows(ctx).size(), "max-sessions bounds the rows");
            assertTrue(SessionStore.csrfMatches(a, a.csrfToken()));
            assertFalse(SessionStore.csrfMatches(a, b.csrfToken()));
            assertFalse(SessionStore.csrfMatches(a, null));
            assertFalse(a.toString().contains(a.id()), "the id is a secret");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theTableHoldsAHashOfTheIdAndTheGrantsAsJson(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            SessionStore store = store(ctx);
            DashboardSession s = store.launch(new ProjectGrant("clbp", "alice", "Site A", "site_a"), Optional.empty());
            List<String[]> rows = rows(ctx);
            assertEquals(1, rows.size());
            assertEquals(SessionCodec.idHash(s.id()), rows.get(0)[0]);
            assertEquals(64, rows.get(0)[0].length());
            for (String column : rows.get(0)) {
                assertFalse(column.contains(s.id()), "no column holds the session id");
            }
            assertEquals("[{\"projectId\":\"clbp\",\"username\":\"alice\",\"dataAccessGroup\":\"Site A\","
                    + "\"uniqueGroupName\":\"site_a\"}]", rows.get(0)[1], "every component of the record, nothing else");

            DashboardSession found = store.find(s.id()).orElseThrow();
            assertEquals(s.grants(), found.grants());
            assertEquals(s.csrfToken(), found.csrfToken());
            assertEquals(s.createdAt(), found.createdAt());
            assertFalse(store.find(SessionCodec.idHash(s.id())).isPresent(), "the stored hash is not a session id");

            // a row written by another version (a component missing, an unknown one added) still loads
            ctx.getBean(Database.class).transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE concord_session SET grants = "
                        + "'[{\"projectId\":\"clbp\",\"username\":\"alice\",\"addedLater\":1}]'")) {
                    return ps.executeUpdate();
                }
            });
            assertEquals(new ProjectGrant("clbp", "alice", "", ""), store.find(s.id()).orElseThrow().grant("clbp").orElseThrow());

            store.end(s.id());
            assertFalse(store.find(s.id()).isPresent());
            assertEquals(0, rows(ctx).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSecondLaunchCarriesOverTheSameUsersGrantsOnly(TestDatabase db) {
        try (ApplicationContext ctx = start(db)) {
            SessionStore store = store(ctx);
            DashboardSession first = store.launch(new ProjectGrant("p1", "alice", "", ""), Optional.empty());
            DashboardSession second = store.launch(new ProjectGrant("p2", "alice", "Site B", "site_b"), Optional.of(first.id()));
            assertEquals(Map.of("p1", new ProjectGrant("p1", "alice", "", ""), "p2", new ProjectGrant("p2", "alice", "Site B", "site_b")),
                    store.find(second.id()).orElseThrow().grants());
            assertFalse(store.find(first.id()).isPresent(), "the previous id ends");
            DashboardSession bob = store.launch(new ProjectGrant("p3", "bob", "", ""), Optional.of(second.id()));
            assertEquals(List.of("p3"), List.copyOf(store.find(bob.id()).orElseThrow().grants().keySet()));
            assertEquals(1, rows(ctx).size());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void theSweepDeletesExpiredRowsAndAnUnreadableRowEndsItsSession(TestDatabase db) throws Exception {
        try (ApplicationContext ctx = start(db)) {
            SessionStore store = store(ctx);
            DashboardSession old = store.launch(new ProjectGrant("p", "a", "", ""), Optional.empty());
            now = now.plus(Duration.ofMinutes(20));
            DashboardSession recent = store.launch(new ProjectGrant("p", "b", "", ""), Optional.empty());
            now = now.plus(Duration.ofMinutes(15));
            assertEquals(1, store.sweep(), "only the session idle for 35 minutes");
            assertEquals(List.of(SessionCodec.idHash(recent.id())), rows(ctx).stream().map(r -> r[0]).toList());
            assertFalse(store.find(old.id()).isPresent());

            ctx.getBean(Database.class).transaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE concord_session SET grants = 'not json'")) {
                    return ps.executeUpdate();
                }
            });
            assertFalse(store.find(recent.id()).isPresent(), "a row that cannot be read is no session");
            assertEquals(0, rows(ctx).size());
        }
    }

    /** Every row as [id_hash, grants, csrf_token]. */
    private static List<String[]> rows(ApplicationContext ctx) {
        return ctx.getBean(Database.class).transaction(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id_hash, grants, csrf_token FROM concord_session");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
                }
            }
            return out;
        });
    }
}

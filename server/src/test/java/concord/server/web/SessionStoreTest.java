package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
    private Instant now = Instant.parse("2026-01-01T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final SessionStore store = new SessionStore(new WebConfiguration(true, Duration.ofMinutes(30), Duration.ofHours(8), 2), clock);

    @Test
    void sessionsExpireWhenIdleAndAtTheirMaximumAge() {
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
    }

    @Test
    void idsAndTokensAreRandomAndTheOldestSessionGoesBeyondTheLimit() {
        DashboardSession a = store.launch(new ProjectGrant("p", "a", "", ""), Optional.empty());
        DashboardSession b = store.launch(new ProjectGrant("p", "b", "", ""), Optional.empty());
        assertNotEquals(a.id(), b.id());
        assertNotEquals(a.csrfToken(), a.id());
        assertEquals(43, a.id().length());
        store.find(a.id());
        store.launch(new ProjectGrant("p", "c", "", ""), Optional.empty());
        assertTrue(store.find(a.id()).isPresent(), "recently used");
        assertFalse(store.find(b.id()).isPresent(), "least recently used dropped");
        assertTrue(SessionStore.csrfMatches(a, a.csrfToken()));
        assertFalse(SessionStore.csrfMatches(a, b.csrfToken()));
        assertFalse(SessionStore.csrfMatches(a, null));
        assertFalse(a.toString().contains(a.id()), "the id is a secret");
    }
}

package concord.server.web;

import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Dashboard sessions, in this instance's memory (a restart or another instance behind a load balancer
 * means opening the bookmark again; use sticky sessions when running several instances).
 * Ids and CSRF tokens are 256-bit random values; every launch issues a new id (no session fixation).
 */
@Singleton
public class SessionStore {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final WebConfiguration config;
    private final Clock clock;
    private final LinkedHashMap<String, DashboardSession> sessions = new LinkedHashMap<>(64, 0.75f, true);

    public SessionStore(WebConfiguration config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /**
     * Starts a session holding {@code grant}. The grants of {@code previous} carry over when it belongs to
     * the same REDCap user (the user opened a second project's bookmark); {@code previous} ends either way.
     */
    public synchronized DashboardSession launch(ProjectGrant grant, Optional<String> previousId) {
        Map<String, ProjectGrant> grants = new HashMap<>();
        previousId.flatMap(this::current).ifPresent(previous -> {
            sessions.remove(previous.id());
            previous.grants().values().stream()
                    .filter(g -> g.username().equals(grant.username()))
                    .forEach(g -> grants.put(g.projectId(), g));
        });
        grants.put(grant.projectId(), grant);
        Instant now = clock.instant();
        DashboardSession session = new DashboardSession(randomToken(), randomToken(), grants, now, now);
        sessions.put(session.id(), session);
        while (sessions.size() > config.maxSessions()) {
            sessions.remove(sessions.keySet().iterator().next());
        }
        return session;
    }

    /** The live session with this id, its idle timer restarted; empty when unknown or expired. */
    public synchronized Optional<DashboardSession> find(String id) {
        return current(id).map(s -> {
            DashboardSession touched = new DashboardSession(s.id(), s.csrfToken(), s.grants(), s.createdAt(), clock.instant());
            sessions.put(s.id(), touched);
            return touched;
        });
    }

    public synchronized void end(String id) {
        sessions.remove(id);
    }

    /** Constant-time comparison of a submitted CSRF token with the session's. */
    public static boolean csrfMatches(DashboardSession session, String submitted) {
        return submitted != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    private Optional<DashboardSession> current(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        DashboardSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (now.isAfter(session.lastSeen().plus(config.idleTimeout())) || now.isAfter(session.createdAt().plus(config.maxAge()))) {
            sessions.remove(id);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

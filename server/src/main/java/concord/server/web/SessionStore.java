package concord.server.web;

import concord.server.run.internal.Database;
import concord.server.web.internal.SessionCodec;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static concord.server.run.internal.Database.timestamp;

/**
 * Dashboard sessions, kept in the database ({@code concord_session}) so that every Concord instance on
 * the same database accepts every session: behind a load balancer no sticky sessions are needed, and a
 * restart keeps users signed in. Ids and CSRF tokens are 256-bit random values; every launch issues a
 * new id (no session fixation). The table holds a SHA-256 of each id, never the id itself.
 * Expired rows are deleted when met and by a sweep every five minutes; beyond
 * {@link WebConfiguration#maxSessions()} live rows the least recently used sessions end.
 */
@Singleton
public class SessionStore {
    private static final Logger LOG = LoggerFactory.getLogger(SessionStore.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id_hash, csrf_token, grants, created_at, last_seen";

    private final WebConfiguration config;
    private final Clock clock;
    private final Database database;

    public SessionStore(WebConfiguration config, Clock clock, Database database) {
        this.config = config;
        this.clock = clock;
        this.database = database;
    }

    /**
     * Starts a session holding {@code grant}. The grants of {@code previous} carry over when it belongs to
     * the same REDCap user (the user opened a second project's bookmark); {@code previous} ends either way.
     */
    public DashboardSession launch(ProjectGrant grant, Optional<String> previousId) {
        Instant now = clock.instant();
        String touch = nextTouch();
        DashboardSession session = database.transaction(c -> {
            Map<String, ProjectGrant> grants = new HashMap<>();
            if (previousId.isPresent() && !previousId.get().isEmpty()) {
                String previousHash = SessionCodec.idHash(previousId.get());
                live(c, previousHash, previousId.get(), now).ifPresent(previous -> previous.grants().values().stream()
                        .filter(g -> g.username().equals(grant.username()))
                        .forEach(g -> grants.put(g.projectId(), g)));
                delete(c, previousHash);
            }
            grants.put(grant.projectId(), grant);
            DashboardSession created = new DashboardSession(randomToken(), randomToken(), grants, now, now);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO concord_session (" + COLUMNS + ", touched) "
                    + "VALUES (?, ?, ?, ?, ?, " + touch + ")")) {
                ps.setString(1, SessionCodec.idHash(created.id()));
                ps.setString(2, created.csrfToken());
                ps.setString(3, SessionCodec.grantsJson(created.grants().values()));
                ps.setObject(4, timestamp(now));
                ps.setObject(5, timestamp(now));
                ps.executeUpdate();
            }
            return created;
        });
        enforceCap(now);
        return session;
    }

    /** The live session with this id, its idle timer restarted; empty when unknown or expired. */
    public Optional<DashboardSession> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String hash = SessionCodec.idHash(id);
        String touch = nextTouch();
        return database.transaction(c -> {
            Optional<DashboardSession> current = live(c, hash, id, now);
            if (current.isEmpty()) {
                return current;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE concord_session SET last_seen = ?, touched = "
                    + touch + " WHERE id_hash = ?")) {
                ps.setObject(1, timestamp(now));
                ps.setString(2, hash);
                if (ps.executeUpdate() == 0) {
                    return Optional.empty(); // ended by another request meanwhile
                }
            }
            DashboardSession s = current.get();
            return Optional.of(new DashboardSession(s.id(), s.csrfToken(), s.grants(), s.createdAt(), now));
        });
    }

    public void end(String id) {
        if (id != null && !id.isEmpty()) {
            database.transaction(c -> delete(c, SessionCodec.idHash(id)));
        }
    }

    /** Deletes every expired session; returns how many. Runs every five minutes on each instance. */
    @Scheduled(fixedDelay = "5m", initialDelay = "5m")
    public int sweep() {
        Instant now = clock.instant();
        try {
            int removed = database.transaction(c -> deleteExpired(c, now));
            LOG.debug("Session sweep removed {} expired sessions", removed);
            return removed;
        } catch (RuntimeException e) {
            LOG.warn("Session sweep failed ({}); expired sessions are still refused and removed when presented",
                    e.getMessage());
            return 0;
        }
    }

    /** Constant-time comparison of a submitted CSRF token with the session's. */
    public static boolean csrfMatches(DashboardSession session, String submitted) {
        return submitted != null && MessageDigest.isEqual(session.csrfToken().getBytes(StandardCharsets.UTF_8),
                submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** The row's session if it has not expired; an expired or unreadable row is deleted. */
    private Optional<DashboardSession> live(Connection c, String hash, String id, Instant now) throws SQLException {
        DashboardSession session;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM concord_session WHERE id_hash = ?")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                try {
                    session = new DashboardSession(id, rs.getString("csrf_token"), SessionCodec.grants(rs.getString("grants")),
                            Database.instant(rs.getObject("created_at")), Database.instant(rs.getObject("last_seen")));
                } catch (IllegalArgumentException e) {
                    LOG.warn("A dashboard session was ended because {}", e.getMessage());
                    delete(c, hash);
                    return Optional.empty();
                }
            }
        }
        if (now.isAfter(session.lastSeen().plus(config.idleTimeout())) || now.isAfter(session.createdAt().plus(config.maxAge()))) {
            delete(c, hash);
            return Optional.empty();
        }
        return Optional.of(session);
    }

    /**
     * Keeps at most {@code max-sessions} rows: expired ones go first, then the least recently used.
     * Concurrent launches on several instances may overshoot by a few rows until the next launch.
     */
    private void enforceCap(Instant now) {
        database.transaction(c -> {
            int excess = count(c) - config.maxSessions();
            if (excess > 0) {
                excess -= deleteExpired(c, now);
            }
            if (excess > 0) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM concord_session WHERE id_hash IN "
                        + "(SELECT id_hash FROM concord_session ORDER BY touched LIMIT ?)")) {
                    ps.setInt(1, excess);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    private int deleteExpired(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM concord_session WHERE last_seen < ? OR created_at < ?")) {
            ps.setObject(1, timestamp(now.minus(config.idleTimeout())));
            ps.setObject(2, timestamp(now.minus(config.maxAge())));
            return ps.executeUpdate();
        }
    }

    private static int count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM concord_session");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static int delete(Connection c, String hash) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM concord_session WHERE id_hash = ?")) {
            ps.setString(1, hash);
            return ps.executeUpdate();
        }
    }

    /** The next value of the recency sequence, in this database's syntax. */
    private String nextTouch() {
        return database.isPostgres() ? "nextval('concord_session_touch')" : "NEXT VALUE FOR concord_session_touch";
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

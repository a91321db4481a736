package concord.server.web;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A browser's server-side session, created by a bookmark launch. It sees only the projects whose
 * authkey it presented ({@link #grants()}); state-changing requests must carry {@link #csrfToken()}.
 * The id is a secret: it is never logged and {@link #toString()} leaves it out.
 */
public record DashboardSession(String id, String csrfToken, Map<String, ProjectGrant> grants, Instant createdAt,
                               Instant lastSeen) {

    public DashboardSession {
        grants = Map.copyOf(grants);
    }

    public Optional<ProjectGrant> grant(String projectId) {
        return Optional.ofNullable(grants.get(projectId));
    }

    @Override
    public String toString() {
        return "DashboardSession[projects=" + grants.keySet() + ", createdAt=" + createdAt + "]";
    }
}

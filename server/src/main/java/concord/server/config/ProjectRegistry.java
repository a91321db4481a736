package concord.server.config;

import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The configured projects by id, and the lookups triggers need. */
@Singleton
public class ProjectRegistry {
    private final Map<String, ProjectConfiguration> projects = new LinkedHashMap<>();

    public ProjectRegistry(List<ProjectConfiguration> configured) {
        configured.stream().sorted(Comparator.comparing(ProjectConfiguration::id))
                .forEach(p -> projects.put(p.id(), p));
    }

    public Collection<ProjectConfiguration> all() {
        return projects.values();
    }

    public Optional<ProjectConfiguration> find(String id) {
        return Optional.ofNullable(projects.get(id));
    }

    public ProjectConfiguration require(String id) {
        ProjectConfiguration project = projects.get(id);
        if (project == null) {
            throw new UnknownProjectException(id, projects.keySet());
        }
        return project;
    }

    /**
     * The project a Data Entry Trigger belongs to: its REDCap {@code project_id} must be configured and
     * the secret must match that project's {@code det-secret} (compared in constant time).
     */
    public Optional<ProjectConfiguration> matchTrigger(String redcapProjectId, String secret) {
        if (redcapProjectId == null || secret == null) {
            return Optional.empty();
        }
        byte[] presented = secret.getBytes(StandardCharsets.UTF_8);
        ProjectConfiguration found = null;
        for (ProjectConfiguration project : projects.values()) {
            boolean sameProject = project.redcapProjectId() != null
                    && String.valueOf(project.redcapProjectId()).equals(redcapProjectId.trim());
            boolean secretMatches = project.detSecret() != null && !project.detSecret().isEmpty()
                    && MessageDigest.isEqual(presented, project.detSecret().getBytes(StandardCharsets.UTF_8));
            if (sameProject && secretMatches && found == null) {
                found = project;
            }
        }
        return Optional.ofNullable(found);
    }
}

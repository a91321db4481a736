package concord.server.load;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/**
 * The result of checking a project's configuration against its live REDCap project.
 *
 * @param projectId the Concord project
 * @param ok        true when a run can succeed (no PROBLEM finding)
 * @param findings  what was checked, in order, each saying what to fix
 */
@Serdeable
public record CheckReport(String projectId, boolean ok, List<Finding> findings) {

    /** Severity of one finding. */
    public enum Level { OK, WARNING, PROBLEM }

    /** One checked thing. */
    @Serdeable
    public record Finding(Level level, String message) {
    }

    public CheckReport {
        findings = List.copyOf(findings);
    }

    /** Plain text, one finding a line. */
    public String text() {
        StringBuilder s = new StringBuilder("Project " + projectId + ": " + (ok ? "ready" : "NOT ready") + "\n");
        findings.forEach(f -> s.append("  ").append(f.level()).append("  ").append(f.message()).append('\n'));
        return s.toString();
    }
}

package concord.connector;

import java.util.Map;
import java.util.Objects;

/**
 * The project's settings as {@code content=project} exports them. Flags REDCap sends as JSON
 * numbers {@code 0}/{@code 1} are booleans here; date-times stay REDCap's {@code Y-M-D H:M:S} text.
 *
 * @param attributes every attribute of the answer as text, including ones newer than this client
 */
public record ProjectInfo(
        long projectId,
        String projectTitle,
        String creationTime,
        String productionTime,
        boolean inProduction,
        String projectLanguage,
        String purpose,
        String projectNotes,
        String customRecordLabel,
        String secondaryUniqueField,
        boolean longitudinal,
        boolean surveysEnabled,
        boolean recordAutonumberingEnabled,
        boolean randomizationEnabled,
        String irbNumber,
        String piFirstName,
        String piLastName,
        Map<String, String> attributes) {

    public ProjectInfo {
        Objects.requireNonNull(projectTitle, "projectTitle");
        attributes = Map.copyOf(attributes);
    }

    /** An attribute by REDCap's name (e.g. {@code "project_grant_number"}), empty string if absent. */
    public String attribute(String name) {
        return attributes.getOrDefault(name, "");
    }
}

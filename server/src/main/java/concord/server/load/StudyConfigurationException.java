package concord.server.load;

import java.util.List;

/** The project's dictionary does not fit the configuration; every problem names the field and the fix. */
public class StudyConfigurationException extends RuntimeException {
    private final List<String> problems;

    public StudyConfigurationException(String projectId, List<String> problems) {
        super("Project " + projectId + " cannot be analysed: " + String.join(" ", withoutProject(projectId, problems)));
        this.problems = List.copyOf(problems);
    }

    /** Each problem names its project for the project check's list; the message names it once. */
    private static List<String> withoutProject(String projectId, List<String> problems) {
        String prefix = "Project " + projectId + ": ";
        return problems.stream().map(p -> p.startsWith(prefix) ? p.substring(prefix.length()) : p).toList();
    }

    public List<String> problems() {
        return problems;
    }
}

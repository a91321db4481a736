package concord.server.load;

import java.util.List;

/** The project's dictionary does not fit the configuration; every problem names the field and the fix. */
public class StudyConfigurationException extends RuntimeException {
    private final List<String> problems;

    public StudyConfigurationException(String projectId, List<String> problems) {
        super("Project " + projectId + " cannot be analysed: " + String.join(" ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}

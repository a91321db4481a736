package concord.server.publish;

import concord.server.publish.internal.FeedbackField;
import concord.server.publish.internal.FeedbackFields.FileTarget;

import java.util.List;

/**
 * Every participant's feedback of one round, rendered and ready to upload ({@link FeedbackPublisher#prepare}); nothing
 * of it is in REDCap yet. Holds participants' answers: never log it.
 */
public final class PreparedFeedback {
    /** One participant's PDF and values ({@code values[i]} for {@code fields.get(i)}). */
    record Item(String record, byte[] pdf, String[] values) {
    }

    private final String projectId;
    private final int round;
    private final String fileName;
    private final FileTarget file;
    private final List<FeedbackField> fields;
    private final List<Item> items;

    PreparedFeedback(String projectId, int round, String fileName, FileTarget file, List<FeedbackField> fields, List<Item> items) {
        this.projectId = projectId;
        this.round = round;
        this.fileName = fileName;
        this.file = file;
        this.fields = List.copyOf(fields);
        this.items = List.copyOf(items);
    }

    public String projectId() {
        return projectId;
    }

    /** The round the feedback is about. */
    public int round() {
        return round;
    }

    /** Participants who get feedback. */
    public int participants() {
        return items.size();
    }

    String fileName() {
        return fileName;
    }

    FileTarget file() {
        return file;
    }

    List<FeedbackField> fields() {
        return fields;
    }

    List<Item> items() {
        return items;
    }

    @Override
    public String toString() {
        return "PreparedFeedback[project=" + projectId + ", round=" + round + ", participants=" + items.size() + "]";
    }
}

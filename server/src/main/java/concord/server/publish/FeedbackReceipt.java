package concord.server.publish;

import java.util.List;

/**
 * What a feedback publication wrote.
 *
 * @param round        the round the feedback is about
 * @param participants participants who received feedback
 * @param fileField    the file-upload field holding each participant's PDF
 * @param event        the event of the file field; empty in a classic project
 * @param valueFields  the text fields that received pipe values
 */
public record FeedbackReceipt(int round, int participants, String fileField, String event, List<String> valueFields) {
    public FeedbackReceipt {
        valueFields = List.copyOf(valueFields);
    }

    public String describe() {
        return "feedback of round " + round + " for " + participants + " participants in field " + fileField
                + (event.isEmpty() ? "" : " (event " + event + ")") + (valueFields.isEmpty() ? "" : valueFields.size() <= 3
                ? " and " + valueFields : " and " + valueFields.size() + " value fields (" + valueFields.get(0) + ", …)");
    }
}

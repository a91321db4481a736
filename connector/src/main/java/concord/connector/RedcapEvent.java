package concord.connector;

/**
 * An event of a longitudinal project.
 *
 * @param uniqueEventName the name records carry in {@code redcap_event_name}, e.g. {@code event_1_arm_1}
 * @param eventId         REDCap's internal id, 0 when the server did not send one
 * @param dayOffset       scheduling offsets as REDCap sends them (text; often empty)
 */
public record RedcapEvent(String eventName, int armNumber, String uniqueEventName, String customEventLabel,
                          long eventId, String dayOffset, String offsetMin, String offsetMax) {
}

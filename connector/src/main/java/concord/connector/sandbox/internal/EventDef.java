package concord.connector.sandbox.internal;

/** One event of a longitudinal project, as {@code content=event} exports it. */
public record EventDef(String eventName, int armNum, String uniqueEventName, String customEventLabel, int eventId,
                       int dayOffset, int offsetMin, int offsetMax) {
}

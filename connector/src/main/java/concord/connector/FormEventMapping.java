package concord.connector;

/** Which instrument is collected in which event (longitudinal projects). */
public record FormEventMapping(int armNumber, String uniqueEventName, String form) {
}

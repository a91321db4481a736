package concord.connector;

/** An instrument (form): its unique name and its label, in project order. */
public record Instrument(String name, String label) {
}

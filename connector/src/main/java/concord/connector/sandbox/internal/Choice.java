package concord.connector.sandbox.internal;

/** One option of a categorical field: the raw code and its label. */
public record Choice(String code, String label) {
}

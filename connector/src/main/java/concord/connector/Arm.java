package concord.connector;

/** An arm of a longitudinal project. */
public record Arm(int number, String name) {
}

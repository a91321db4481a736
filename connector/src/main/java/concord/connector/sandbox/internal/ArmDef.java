package concord.connector.sandbox.internal;

/** One arm of a longitudinal project. */
public record ArmDef(int armNum, String name) {
}

package concord.connector.sandbox.internal;

/** A repeating instrument (form set) or repeating event (form blank); event null in classic projects. */
public record RepeatSetting(String event, String form, String customLabel) {
}

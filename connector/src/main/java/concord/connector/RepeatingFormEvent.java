package concord.connector;

/**
 * A repeating instrument or event. An empty {@code formName} means the whole event repeats; in
 * classic projects {@code eventName} is empty.
 */
public record RepeatingFormEvent(String eventName, String formName, String customFormLabel) {

    public boolean repeatingEvent() {
        return formName.isEmpty();
    }
}

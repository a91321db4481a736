package concord.connector.sandbox.internal;

/** An instrument: its unique name and label. */
public record FormDef(String name, String label) {

    /** REDCap's default label for an instrument known only by its unique name. */
    public static FormDef fromName(String name) {
        String words = name.replace('_', ' ').trim();
        String label = words.isEmpty() ? name : Character.toUpperCase(words.charAt(0)) + words.substring(1);
        return new FormDef(name, label);
    }
}

package concord.analysis.report;

import concord.analysis.internal.Messages;

/**
 * The words of Concord's reports and dashboard in one language, from the same translation files as the
 * reports ({@code messages_<code>.properties}; keys such as {@code heading.methods} and {@code dashboard.*}),
 * for pages outside this module (the service's dashboard). A missing key fails naming it and the file.
 */
public final class ReportMessages {

    private final Messages messages;

    private ReportMessages(Messages messages) {
        this.messages = messages;
    }

    /** {@code "en"}, {@code "zh"} (region and case ignored); another language fails naming the file to add. */
    public static ReportMessages forLanguage(String language) {
        return new ReportMessages(Messages.forLanguage(language));
    }

    public String language() {
        return messages.language();
    }

    public String text(String key) {
        return messages.text(key);
    }

    /** The text with its named placeholders filled: {@code format("dashboard.runNumber", "id", 7)}. */
    public String format(String key, Object... namesAndValues) {
        return messages.format(key, namesAndValues);
    }
}

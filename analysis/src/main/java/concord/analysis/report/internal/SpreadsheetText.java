package concord.analysis.report.internal;

import java.util.regex.Pattern;

/**
 * Neutralises spreadsheet formula injection (CSV injection): a text cell starting with
 * {@code = + - @}, tab or carriage return is evaluated as a formula by Excel, LibreOffice and
 * Google Sheets when the file is opened or the cell is edited. Such text gets a leading
 * apostrophe, as OWASP recommends. Text that is a plain decimal number ({@code -2.5}) is left
 * alone: it cannot run anything and must stay numeric.
 */
public final class SpreadsheetText {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?");

    private SpreadsheetText() {
    }

    public static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        char first = text.charAt(0);
        boolean dangerous = first == '=' || first == '+' || first == '-' || first == '@'
                || first == '\t' || first == '\r' || first == '\n';
        if (!dangerous || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }
}

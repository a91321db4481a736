package concord.analysis.report.internal;

/**
 * Escaping for HTML and XML (SVG) text and attribute values. Every label shown in a report comes
 * from a REDCap data dictionary and may contain markup or script, so all text goes through here.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes {@code & < > " '} and replaces characters that XML 1.0 forbids (C0 controls other
     * than tab/newline/CR, lone surrogates, U+FFFE/U+FFFF) with U+FFFD, so the output is valid in
     * HTML text, quoted attributes and standalone SVG alike.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                        out.append(c).append(text.charAt(++i));
                    } else if (isXmlChar(c)) {
                        out.append(c);
                    } else {
                        out.append('\uFFFD');
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The text with the characters XML 1.0 forbids replaced by U+FFFD and nothing escaped, for XML
     * writers that escape markup themselves (the DOCX report) but would write forbidden characters as-is.
     */
    public static String xmlChars(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(isXmlChar(c) ? c : '\uFFFD');
            }
        }
        return out.toString();
    }

    private static boolean isXmlChar(char c) {
        if (Character.isSurrogate(c)) {
            return false;
        }
        return c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c != 0xFFFE && c != 0xFFFF);
    }
}

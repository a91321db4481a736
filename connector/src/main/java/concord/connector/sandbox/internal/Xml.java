package concord.connector.sandbox.internal;

/** XML text escaping for the sandbox's XML answers. */
public final class Xml {
    private Xml() {
    }

    /**
     * Element text: only {@code < > &} escaped, so that quotes read as REDCap writes them
     * ({@code <error>The value of the parameter "action" is not valid</error>}; REDCap escapes nothing).
     */
    public static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    public static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}

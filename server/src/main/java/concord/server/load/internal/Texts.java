package concord.server.load.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns REDCap's HTML-capable label texts into plain text (renderers escape it again when shown). */
public final class Texts {
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Texts() {
    }

    public static String plain(String html) {
        if (html == null) {
            return "";
        }
        String text = TAG.matcher(html).replaceAll(" ")
                .replace("&nbsp;", " ").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'");
        return SPACE.matcher(text).replaceAll(" ").trim();
    }

    /** The value of an action tag such as {@code @CONCORD-DOMAIN="Pain"} in a field annotation, or null. */
    public static String tagValue(String annotation, String tag) {
        if (annotation == null) {
            return null;
        }
        Matcher m = Pattern.compile(Pattern.quote(tag) + "\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|(\\S+))",
                Pattern.CASE_INSENSITIVE).matcher(annotation);
        if (!m.find()) {
            return null;
        }
        String value = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        return value.trim();
    }

    /** True if the annotation carries the tag as a whole word ({@code @CONCORD-OUTCOME}, not {@code @CONCORD-OUTCOMES}). */
    public static boolean hasTag(String annotation, String tag) {
        return annotation != null && Pattern.compile("(^|\\s)" + Pattern.quote(tag) + "(?=$|\\s|=)",
                Pattern.CASE_INSENSITIVE).matcher(annotation).find();
    }
}

package concord.analysis.report.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A tiny SVG writer for self-contained charts: fills and fonts are attributes (no stylesheet), the
 * root carries {@code role="img"} with a {@code <title>} and {@code <desc>} for screen readers, and
 * every text is escaped. Coordinates print with at most two decimals in a locale-free form so the
 * same chart is byte-identical everywhere.
 */
public final class Svg implements Canvas {

    public static final String FONT_FAMILY =
            "'Noto Sans CJK SC','WenQuanYi Micro Hei','Microsoft YaHei','PingFang SC',Arial,sans-serif";

    private final StringBuilder out = new StringBuilder(4096);

    /**
     * Starts an SVG of the given size. {@code id} must be unique within the page the chart is
     * embedded in (it prefixes the ids of the title and description).
     */
    public Svg(String id, double width, double height, String title, String description) {
        String safeId = id.replaceAll("[^A-Za-z0-9_-]", "_");
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width))
                .append("\" height=\"").append(n(height)).append("\" viewBox=\"0 0 ").append(n(width)).append(' ')
                .append(n(height)).append("\" role=\"img\" aria-labelledby=\"").append(safeId).append("-title ")
                .append(safeId).append("-desc\" font-family=\"").append(Html.escape(FONT_FAMILY))
                .append("\" font-size=\"11\">\n");
        out.append("<title id=\"").append(safeId).append("-title\">").append(Html.escape(title)).append("</title>\n");
        out.append("<desc id=\"").append(safeId).append("-desc\">").append(Html.escape(description)).append("</desc>\n");
    }

    /** A filled rectangle; {@code tooltip} (may be null) becomes a child {@code <title>}. */
    @Override
    public Svg rect(double x, double y, double width, double height, String fill, String tooltip) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(Math.max(0, width))).append("\" height=\"").append(n(Math.max(0, height)))
                .append("\" fill=\"").append(Html.escape(fill)).append('"');
        if (tooltip == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(Html.escape(tooltip)).append("</title></rect>\n");
        }
        return this;
    }

    /** An outlined rectangle (no fill). */
    @Override
    public Svg frame(double x, double y, double width, double height, String stroke) {
        out.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"")
                .append(n(width)).append("\" height=\"").append(n(height))
                .append("\" fill=\"none\" stroke=\"").append(Html.escape(stroke)).append("\"/>\n");
        return this;
    }

    @Override
    public Svg line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        out.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" stroke=\"").append(Html.escape(stroke))
                .append("\" stroke-width=\"").append(n(strokeWidth)).append("\"/>\n");
        return this;
    }

    @Override
    public Svg circle(double cx, double cy, double r, String fill, String tooltip) {
        out.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append("\" fill=\"").append(Html.escape(fill)).append('"');
        if (tooltip == null) {
            out.append("/>\n");
        } else {
            out.append("><title>").append(Html.escape(tooltip)).append("</title></circle>\n");
        }
        return this;
    }

    /** Text anchored at (x, y); {@code anchor} is start, middle or end. */
    @Override
    public Svg text(double x, double y, String text, Anchor anchor, double size, String fill, boolean bold) {
        out.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append('"');
        if (anchor != Anchor.START) {
            out.append(" text-anchor=\"").append(anchor.svg).append('"');
        }
        if (size != 11) {
            out.append(" font-size=\"").append(n(size)).append('"');
        }
        if (!"#000".equals(fill)) {
            out.append(" fill=\"").append(Html.escape(fill)).append('"');
        }
        if (bold) {
            out.append(" font-weight=\"bold\"");
        }
        out.append('>').append(Html.escape(text)).append("</text>\n");
        return this;
    }

    /** Opens a group that screen readers announce as one item (e.g. one outcome's bars). */
    @Override
    public Svg beginGroup(String label) {
        out.append("<g role=\"group\" aria-label=\"").append(Html.escape(label)).append("\">\n");
        return this;
    }

    @Override
    public Svg endGroup() {
        out.append("</g>\n");
        return this;
    }

    public String build() {
        return out + "</svg>\n";
    }

    /** Shortens a label to at most {@code max} code points, ending in an ellipsis when cut. */
    public static String shorten(String label, int max) {
        if (label.codePointCount(0, label.length()) <= max) {
            return label;
        }
        int end = label.offsetByCodePoints(0, max - 1);
        return label.substring(0, end) + "\u2026";
    }

    /**
     * The length of a label in Latin character widths for laying out legends: a wide (CJK) character counts
     * as two, everything else as one, so a Latin label measures its {@code length()} as before.
     */
    public static int widthInChars(String label) {
        int width = 0;
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            width += c >= '\u2E80' && c <= '\uFFEF' && !(c >= '\uFB00' && c <= '\uFE0F') ? 2 : 1;
        }
        return width;
    }

    static String n(double value) {
        BigDecimal rounded = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }
}

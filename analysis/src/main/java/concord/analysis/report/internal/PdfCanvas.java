package concord.analysis.report.internal;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws charts as PDF vector graphics: SVG coordinates (y down) are flipped into the PDF content
 * stream's (y up). Text is split into runs per font so CJK and Latin fallbacks mix in one label;
 * bold is simulated with a thin outline because CJK system fonts rarely ship a bold face.
 * Tooltips and groups have no PDF equivalent and are ignored.
 */
public final class PdfCanvas implements Canvas {

    private final PdfContentByte content;
    private final PdfFonts fonts;
    private final double height;

    /** {@code height} is the chart height in chart units; the content's origin is its bottom left. */
    public PdfCanvas(PdfContentByte content, PdfFonts fonts, double height) {
        this.content = content;
        this.fonts = fonts;
        this.height = height;
    }

    @Override
    public Canvas rect(double x, double y, double width, double h, String fill, String tooltip) {
        if (width <= 0 || h <= 0) {
            return this;
        }
        content.setColorFill(color(fill));
        content.rectangle((float) x, (float) (height - y - h), (float) width, (float) h);
        content.fill();
        return this;
    }

    @Override
    public Canvas frame(double x, double y, double width, double h, String stroke) {
        content.setColorStroke(color(stroke));
        content.setLineWidth(0.75f);
        content.rectangle((float) x, (float) (height - y - h), (float) width, (float) h);
        content.stroke();
        return this;
    }

    @Override
    public Canvas line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        content.setColorStroke(color(stroke));
        content.setLineWidth((float) strokeWidth);
        content.moveTo((float) x1, (float) (height - y1));
        content.lineTo((float) x2, (float) (height - y2));
        content.stroke();
        return this;
    }

    @Override
    public Canvas circle(double cx, double cy, double r, String fill, String tooltip) {
        content.setColorFill(color(fill));
        content.circle((float) cx, (float) (height - cy), (float) r);
        content.fill();
        return this;
    }

    @Override
    public Canvas text(double x, double y, String text, Anchor anchor, double size, String fill, boolean bold) {
        List<Run> runs = runs(text);
        float fontSize = (float) size;
        double width = runs.stream().mapToDouble(r -> r.font.getWidthPoint(r.text, fontSize)).sum();
        double start = switch (anchor) {
            case START -> x;
            case MIDDLE -> x - width / 2;
            case END -> x - width;
        };
        Color color = color(fill);
        content.saveState();
        content.beginText();
        content.setColorFill(color);
        if (bold) {
            content.setColorStroke(color);
            content.setLineWidth(fontSize / 30f);
            content.setTextRenderingMode(PdfContentByte.TEXT_RENDER_MODE_FILL_STROKE);
        }
        float cursor = (float) start;
        for (Run run : runs) {
            content.setFontAndSize(run.font, fontSize);
            content.setTextMatrix(cursor, (float) (height - y));
            content.showText(run.text);
            cursor += run.font.getWidthPoint(run.text, fontSize);
        }
        content.endText();
        content.restoreState();
        return this;
    }

    @Override
    public Canvas beginGroup(String label) {
        return this;
    }

    @Override
    public Canvas endGroup() {
        return this;
    }

    private List<Run> runs(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        BaseFont font = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            BaseFont chosen = fonts.fontFor(cp);
            if (font != null && chosen != font) {
                runs.add(new Run(font, current.toString()));
                current.setLength(0);
            }
            font = chosen;
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (font != null) {
            runs.add(new Run(font, current.toString()));
        }
        return runs;
    }

    /** Parses {@code #RGB} and {@code #RRGGBB}. */
    static Color color(String css) {
        String hex = css.startsWith("#") ? css.substring(1) : css;
        if (hex.length() == 3) {
            hex = "" + hex.charAt(0) + hex.charAt(0) + hex.charAt(1) + hex.charAt(1) + hex.charAt(2) + hex.charAt(2);
        }
        return new Color(Integer.parseInt(hex, 16));
    }

    private record Run(BaseFont font, String text) {
    }
}

package concord.analysis.report.internal;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Draws charts into a Java2D image, for formats that need raster figures (Word shows PNG everywhere;
 * SVG only in recent versions). Coordinates are the charts' SVG units, scaled by {@code scale} so the
 * image stays sharp when printed. Text is split into runs per font like {@link PdfCanvas}; tooltips
 * and groups have no raster equivalent and are ignored. Rendering hints are fixed, so the same chart
 * gives the same pixels on the same JVM and fonts.
 */
public final class RasterCanvas implements Canvas {

    private final BufferedImage image;
    private final Graphics2D g;
    private final ChartFonts fonts;

    public RasterCanvas(double width, double height, double scale, ChartFonts fonts) {
        this.fonts = fonts;
        this.image = new BufferedImage((int) Math.ceil(width * scale), (int) Math.ceil(height * scale), BufferedImage.TYPE_INT_RGB);
        this.g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, image.getWidth(), image.getHeight());
        g.scale(scale, scale);
    }

    /** The finished image; the canvas must not be drawn on afterwards. */
    public BufferedImage image() {
        g.dispose();
        return image;
    }

    @Override
    public Canvas rect(double x, double y, double width, double height, String fill, String tooltip) {
        if (width > 0 && height > 0) {
            g.setColor(PdfCanvas.color(fill));
            g.fill(new Rectangle2D.Double(x, y, width, height));
        }
        return this;
    }

    @Override
    public Canvas frame(double x, double y, double width, double height, String stroke) {
        g.setColor(PdfCanvas.color(stroke));
        g.setStroke(new BasicStroke(0.75f));
        g.draw(new Rectangle2D.Double(x, y, width, height));
        return this;
    }

    @Override
    public Canvas line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth) {
        g.setColor(PdfCanvas.color(stroke));
        g.setStroke(new BasicStroke((float) strokeWidth));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
        return this;
    }

    @Override
    public Canvas circle(double cx, double cy, double r, String fill, String tooltip) {
        g.setColor(PdfCanvas.color(fill));
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        return this;
    }

    @Override
    public Canvas text(double x, double y, String text, Anchor anchor, double size, String fill, boolean bold) {
        FontRenderContext context = g.getFontRenderContext();
        List<Run> runs = runs(text, (float) size, bold);
        double width = runs.stream().mapToDouble(r -> r.font.getStringBounds(r.text, context).getWidth()).sum();
        double cursor = switch (anchor) {
            case START -> x;
            case MIDDLE -> x - width / 2;
            case END -> x - width;
        };
        g.setColor(PdfCanvas.color(fill));
        for (Run run : runs) {
            g.setFont(run.font);
            g.drawString(run.text, (float) cursor, (float) y);
            cursor += run.font.getStringBounds(run.text, context).getWidth();
        }
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

    private List<Run> runs(String text, float size, boolean bold) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        Font font = null;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Font chosen = fonts.fontFor(cp);
            if (font != null && chosen != font) {
                runs.add(new Run(derive(font, size, bold), current.toString()));
                current.setLength(0);
            }
            font = chosen;
            current.appendCodePoint(cp);
            i += Character.charCount(cp);
        }
        if (font != null) {
            runs.add(new Run(derive(font, size, bold), current.toString()));
        }
        return runs;
    }

    private static Font derive(Font font, float size, boolean bold) {
        return font.deriveFont(bold ? Font.BOLD : Font.PLAIN, size);
    }

    private record Run(Font font, String text) {
    }
}

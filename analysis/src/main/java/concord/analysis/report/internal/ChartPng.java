package concord.analysis.report.internal;

import java.awt.image.BufferedImage;
import java.util.function.Consumer;

/**
 * A chart drawn once against {@link Canvas} and encoded as PNG at {@link #SCALE} times its SVG size
 * (sharp when printed at the page width), by {@link PngEncoder}: no timestamp or other metadata, so the same
 * chart gives the same bytes.
 *
 * @param png         the image
 * @param pixelWidth  image width in pixels
 * @param pixelHeight image height in pixels
 * @param description what the chart shows, for alternative text
 */
public record ChartPng(byte[] png, int pixelWidth, int pixelHeight, String description) {

    /** Pixels per SVG unit. */
    public static final double SCALE = 2.5;

    /** Pixels per point at which the image is shown at its SVG size (one SVG unit = 0.75 pt). */
    public static final double PIXELS_PER_POINT = SCALE / 0.75;

    public static ChartPng draw(double width, double height, ChartFonts fonts, String description, Consumer<Canvas> chart) {
        RasterCanvas canvas = new RasterCanvas(width, height, SCALE, fonts);
        chart.accept(canvas);
        BufferedImage image = canvas.image();
        byte[] png = PngEncoder.encode(image);
        return new ChartPng(png, image.getWidth(), image.getHeight(), description);
    }
}

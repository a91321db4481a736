package concord.analysis.report.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * A chart drawn once against {@link Canvas} and encoded as PNG at {@link #SCALE} times its SVG size
 * (sharp when printed at the page width). The PNG has no timestamp or other metadata, so the same
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(image);
        } catch (IOException e) {
            throw new UncheckedIOException("a chart could not be encoded as PNG", e);
        } finally {
            writer.dispose();
        }
        return new ChartPng(out.toByteArray(), image.getWidth(), image.getHeight(), description);
    }
}

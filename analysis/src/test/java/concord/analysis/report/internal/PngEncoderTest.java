package concord.analysis.report.internal;

import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The PNG decodes (ImageIO) to exactly the pixels drawn, and the same image gives the same bytes. */
class PngEncoderTest {

    @Test
    void decodesToTheSamePixels() throws IOException {
        BufferedImage image = new BufferedImage(641, 397, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 641, 397);
        g.setColor(new Color(0x1f77b4));
        g.fillRoundRect(20, 30, 300, 120, 14, 14);
        g.setColor(new Color(0xd62728));
        g.drawString("疼痛/不适 Pain", 40, 250);
        g.dispose();
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 2_000; i++) {
            image.setRGB(random.nextInt(641), random.nextInt(397), random.nextInt(1 << 24));
        }
        byte[] png = PngEncoder.encode(image);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(641, back.getWidth());
        assertEquals(397, back.getHeight());
        for (int y = 0; y < 397; y++) {
            for (int x = 0; x < 641; x++) {
                assertEquals(image.getRGB(x, y), back.getRGB(x, y), "pixel " + x + "," + y);
            }
        }
        assertArrayEquals(png, PngEncoder.encode(image));
        assertArrayEquals(new byte[] {(byte) 137, 'P', 'N', 'G', 13, 10, 26, 10}, Arrays.copyOf(png, 8));
    }

    @Test
    void refusesOtherImageTypes() {
        assertThrows(IllegalArgumentException.class,
                () -> PngEncoder.encode(new BufferedImage(4, 4, BufferedImage.TYPE_INT_ARGB)));
    }
}

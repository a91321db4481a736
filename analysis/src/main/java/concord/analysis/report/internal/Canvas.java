package concord.analysis.report.internal;

/**
 * The drawing operations the charts need, with SVG's coordinate system (origin top left, y down,
 * units are CSS pixels). Charts are laid out once against this interface and drawn both as inline
 * SVG ({@link Svg}) and as PDF vector graphics ({@link PdfCanvas}).
 */
public interface Canvas {

    /** A filled rectangle; {@code tooltip} (may be null) is shown on hover where the medium allows. */
    Canvas rect(double x, double y, double width, double height, String fill, String tooltip);

    Canvas frame(double x, double y, double width, double height, String stroke);

    Canvas line(double x1, double y1, double x2, double y2, String stroke, double strokeWidth);

    Canvas circle(double cx, double cy, double r, String fill, String tooltip);

    /** Text with its baseline at {@code y}. */
    Canvas text(double x, double y, String text, Anchor anchor, double size, String fill, boolean bold);

    /** Groups the following drawing into one item for assistive technology. */
    Canvas beginGroup(String label);

    Canvas endGroup();

    enum Anchor {
        START("start"), MIDDLE("middle"), END("end");

        final String svg;

        Anchor(String svg) {
            this.svg = svg;
        }
    }
}

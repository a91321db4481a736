package concord.analysis.report.internal;

/** A formatted table cell; when {@code reason} is not null the value was not computable. */
public record TextCell(String text, String reason) {

    public static TextCell of(String text) {
        return new TextCell(text, null);
    }

    public static TextCell missing(String reason) {
        return new TextCell(Numbers.NOT_COMPUTABLE, reason);
    }

    public boolean isMissing() {
        return reason != null;
    }
}

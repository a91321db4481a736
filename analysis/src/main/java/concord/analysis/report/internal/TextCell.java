package concord.analysis.report.internal;

/**
 * A formatted table cell. When {@code reason} is not null the value was not computable (the cell
 * shows "—" or a partial value and a footnote gives the reason); when {@code note} is not null the
 * value is there and a footnote qualifies it (a Monte Carlo estimate: its interval, samples, seed).
 */
public record TextCell(String text, String reason, String note) {

    public TextCell(String text, String reason) {
        this(text, reason, null);
    }

    public static TextCell of(String text) {
        return new TextCell(text, null, null);
    }

    public static TextCell missing(String reason) {
        return new TextCell(Numbers.NOT_COMPUTABLE, reason, null);
    }

    /** A value with a footnote that qualifies it. */
    public static TextCell noted(String text, String note) {
        return new TextCell(text, null, note);
    }

    public boolean isMissing() {
        return reason != null;
    }

    public boolean hasNote() {
        return note != null;
    }
}

package concord.analysis.reconstruction.internal;

/**
 * How far a candidate is from the printed values: the number of statistics outside rounding, then
 * the summed excess beyond rounding in units of the printed precision. Lower is better; an exact
 * reproduction is {@code (0, 0)}.
 */
public record Fit(int mismatches, double excess) implements Comparable<Fit> {

    public static final Fit EXACT = new Fit(0, 0);

    public Fit plus(Fit other) {
        return new Fit(mismatches + other.mismatches, excess + other.excess);
    }

    public boolean exact() {
        return mismatches == 0;
    }

    @Override
    public int compareTo(Fit o) {
        int c = Integer.compare(mismatches, o.mismatches);
        return c != 0 ? c : Double.compare(excess, o.excess);
    }
}

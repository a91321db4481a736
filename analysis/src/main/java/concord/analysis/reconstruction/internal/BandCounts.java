package concord.analysis.reconstruction.internal;

import concord.analysis.Band;

/**
 * A candidate number of valid answers per band (and so n) for a printed row, with how well it
 * reproduces the printed band percentages.
 */
public record BandCounts(int top, int middle, int bottom, Fit fit, boolean topAgrees) {

    public int n() {
        return top + middle + bottom;
    }

    public int count(Band band) {
        return switch (band) {
            case TOP -> top;
            case MIDDLE -> middle;
            case BOTTOM -> bottom;
        };
    }

    @Override
    public String toString() {
        return top + "/" + middle + "/" + bottom + " of " + n();
    }
}

package concord.analysis.report.internal;

import concord.analysis.Band;

/**
 * Chart colours: bands in a blue ramp (dark = critical) that stays distinguishable in greyscale
 * print, groups in a colour-blind safe qualitative set (Okabe–Ito).
 */
public final class Palette {

    private static final String[] GROUPS = {"#E69F00", "#0072B2", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000"};

    public static final String DIFFERING = "#B2182B";
    public static final String NEUTRAL = "#BDBDBD";
    public static final String GRID = "#D0D0D0";
    public static final String TEXT = "#000";
    public static final String MUTED_TEXT = "#555555";

    private Palette() {
    }

    public static String band(Band band) {
        return switch (band) {
            case TOP -> "#08519C";
            case MIDDLE -> "#6BAED6";
            case BOTTOM -> "#DEEBF7";
        };
    }

    /** Text colour readable on {@link #band(Band)}. */
    public static String onBand(Band band) {
        return band == Band.TOP ? "#FFFFFF" : "#000";
    }

    public static String group(int index) {
        return GROUPS[index % GROUPS.length];
    }
}

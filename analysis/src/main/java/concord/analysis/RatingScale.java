package concord.analysis;

import java.util.Objects;

/**
 * An integer rating scale {@code min..max} split into three contiguous bands that together cover
 * every score: {@link Band#BOTTOM}, {@link Band#MIDDLE} and {@link Band#TOP}.
 *
 * <p>{@link #grade()} is the GRADE 1–9 scale (1–3 / 4–6 / 7–9). Other scales work the same way,
 * e.g. {@code RatingScale.of(0, 10, 3, 7)} for 0–3 / 4–6 / 7–10 or {@code RatingScale.of(1, 5, 2, 4)}.
 * Scales are limited to {@value #MAX_POINTS} points because every statistic works on a histogram
 * with one bin per score.
 *
 * @param min    lowest score
 * @param max    highest score
 * @param bottom band starting at {@code min}
 * @param middle band directly after {@code bottom}
 * @param top    band directly after {@code middle}, ending at {@code max}
 */
public record RatingScale(int min, int max, ScoreBand bottom, ScoreBand middle, ScoreBand top) {

    /** Largest number of score points a scale may have. */
    public static final int MAX_POINTS = 1001;

    public RatingScale {
        Objects.requireNonNull(bottom, "bottom");
        Objects.requireNonNull(middle, "middle");
        Objects.requireNonNull(top, "top");
        if (max <= min) {
            throw new IllegalArgumentException("Rating scale " + min + ".." + max
                    + " is empty: max must be greater than min");
        }
        if ((long) max - min + 1 > MAX_POINTS) {
            throw new IllegalArgumentException("Rating scale " + min + ".." + max + " has more than "
                    + MAX_POINTS + " points; use a coarser scale");
        }
        if (bottom.from() != min || middle.from() != bottom.to() + 1 || top.from() != middle.to() + 1
                || top.to() != max) {
            throw new IllegalArgumentException("Bands " + bottom.rangeText() + " / " + middle.rangeText()
                    + " / " + top.rangeText() + " must be contiguous and cover the scale " + min + ".." + max);
        }
    }

    /** GRADE 1–9: 1–3 not important, 4–6 important but not critical, 7–9 critically important. */
    public static RatingScale grade() {
        return of(1, 9, 3, 7);
    }

    /**
     * A scale with the GRADE band labels: bottom {@code min..bottomTo}, middle
     * {@code bottomTo+1..topFrom-1}, top {@code topFrom..max}.
     */
    public static RatingScale of(int min, int max, int bottomTo, int topFrom) {
        return new RatingScale(min, max,
                new ScoreBand("not important", min, bottomTo),
                new ScoreBand("important but not critical", bottomTo + 1, topFrom - 1),
                new ScoreBand("critically important", topFrom, max));
    }

    /** Number of score points, {@code max - min + 1}. */
    public int points() {
        return max - min + 1;
    }

    /** Whether {@code score} is a valid rating on this scale. */
    public boolean contains(int score) {
        return score >= min && score <= max;
    }

    /** The band definition for {@code band}. */
    public ScoreBand band(Band band) {
        return switch (band) {
            case BOTTOM -> bottom;
            case MIDDLE -> middle;
            case TOP -> top;
        };
    }

    /** The band {@code score} falls in; the score must be {@linkplain #contains(int) on the scale}. */
    public Band bandOf(int score) {
        if (!contains(score)) {
            throw new IllegalArgumentException("Score " + score + " is outside the rating scale "
                    + min + ".." + max);
        }
        return score <= bottom.to() ? Band.BOTTOM : score <= middle.to() ? Band.MIDDLE : Band.TOP;
    }

    /** "1–9 (1–3 not important / 4–6 … / 7–9 …)" for method descriptions. */
    public String describe() {
        return min + "–" + max + " (" + bottom.rangeText() + " " + bottom.label() + ", "
                + middle.rangeText() + " " + middle.label() + ", " + top.rangeText() + " " + top.label() + ")";
    }
}

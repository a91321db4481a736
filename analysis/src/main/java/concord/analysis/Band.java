package concord.analysis;

/**
 * The three importance bands of a {@link RatingScale}. On the GRADE 1–9 scale {@link #BOTTOM} is
 * 1–3 ("not important"), {@link #MIDDLE} 4–6 ("important but not critical") and {@link #TOP} 7–9
 * ("critically important"). Declared from low to high, which is also the column order of the
 * group × band table used by the chi-square test.
 */
public enum Band {
    BOTTOM,
    MIDDLE,
    TOP
}

package concord.analysis.reconstruction.internal;

import concord.analysis.RatingScale;
import concord.analysis.reconstruction.PrintedNumber;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the compound cells of a printed summary table ("7.9(1.1)", "8(7.75,9)", "88.5%") and
 * repairs the one kind of garbling seen in print: quartiles whose digits ran together, such as
 * "7(5.8,25)" for 7 (5, 8.25). Never throws on bad text: unreadable values come back absent and the
 * reason is added to {@code problems}.
 */
public final class CellParser {

    private static final String NUM = "(-?\\d+(?:\\.\\d+)?)";
    private static final Pattern VALUE_PAREN = Pattern.compile("^" + NUM + "\\s*\\(\\s*" + NUM + "\\s*\\)$");
    private static final Pattern QUARTILES = Pattern.compile(
            "^" + NUM + "\\s*\\(\\s*" + NUM + "\\s*[,;]\\s*" + NUM + "\\s*\\)$");
    /** "5.8" + "25": one decimal digit on q1 and two digits on q3 — "5, 8.25" with comma and dot swapped. */
    private static final Pattern RUN_TOGETHER_Q1 = Pattern.compile("^(\\d+)\\.(\\d)$");
    private static final Pattern RUN_TOGETHER_Q3 = Pattern.compile("^\\d\\d$");

    private final RatingScale scale;

    public CellParser(RatingScale scale) {
        this.scale = scale;
    }

    /** "88.5%" or "88.5": a percentage. */
    public PrintedNumber percent(String column, String cell, List<String> problems) {
        String t = cell == null ? "" : cell.trim();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        PrintedNumber p = PrintedNumber.parse(t);
        if (!p.present()) {
            problems.add(column + " '" + cell + "' is not a percentage; the band is left unconstrained");
        } else if (p.value() < 0 || p.value() > 100) {
            problems.add(column + " " + cell + " is outside 0–100%");
        }
        return p;
    }

    /** "7.9(1.1)": mean and SD; absent values and a problem when the cell has another shape. */
    public PrintedNumber[] meanAndSd(String cell, List<String> problems) {
        String t = cell == null ? "" : cell.trim();
        Matcher m = VALUE_PAREN.matcher(t);
        if (!m.matches()) {
            problems.add("mean(SD) '" + t + "' does not read as mean(SD); mean and SD are left unconstrained");
            return new PrintedNumber[] {PrintedNumber.parse(""), PrintedNumber.parse("")};
        }
        PrintedNumber mean = PrintedNumber.parse(m.group(1));
        PrintedNumber sd = PrintedNumber.parse(m.group(2));
        if (!inScale(mean.value())) {
            problems.add("mean " + mean + " is outside the scale " + scale.min() + "–" + scale.max());
        }
        return new PrintedNumber[] {mean, sd};
    }

    /** "8(7.75,9)": median, q1 and q3, repairing run-together quartiles such as "7(5.8,25)". */
    public PrintedNumber[] medianAndQuartiles(String cell, List<String> problems) {
        String t = cell == null ? "" : cell.trim();
        PrintedNumber absent = PrintedNumber.parse("");
        Matcher m = QUARTILES.matcher(t);
        if (!m.matches()) {
            Matcher single = VALUE_PAREN.matcher(t);
            PrintedNumber median = single.matches() ? PrintedNumber.parse(single.group(1)) : absent;
            problems.add("median(q1,q3) '" + t + "' does not read as median(q1,q3); "
                    + (median.present() ? "only the median is used" : "median and quartiles are left unconstrained"));
            return new PrintedNumber[] {median, absent, absent};
        }
        PrintedNumber median = PrintedNumber.parse(m.group(1));
        PrintedNumber q1 = PrintedNumber.parse(m.group(2));
        PrintedNumber q3 = PrintedNumber.parse(m.group(3));
        if (ordered(q1.value(), median.value(), q3.value())) {
            return new PrintedNumber[] {median, q1, q3};
        }
        Matcher a = RUN_TOGETHER_Q1.matcher(q1.text());
        if (a.matches() && RUN_TOGETHER_Q3.matcher(q3.text()).matches()) {
            double r1 = Integer.parseInt(a.group(1));
            String r3Text = a.group(2) + "." + q3.text();
            double r3 = Double.parseDouble(r3Text);
            if (ordered(r1, median.value(), r3)) {
                problems.add("quartiles printed (" + q1.text() + "," + q3.text() + ") are garbled (q3 = " + q3.text()
                        + " is not on the scale " + scale.min() + "–" + scale.max() + "); read as q1 = " + a.group(1)
                        + ", q3 = " + r3Text + " (\"" + a.group(1) + ", " + r3Text + "\" with its digits run together)");
                return new PrintedNumber[] {median,
                        PrintedNumber.repaired(a.group(1), r1, 0), PrintedNumber.repaired(r3Text, r3, 2)};
            }
        }
        problems.add("quartiles printed (" + q1.text() + "," + q3.text() + ") are not q1 <= median " + median.text()
                + " <= q3 on the scale " + scale.min() + "–" + scale.max() + " and no repair fits; they are left unconstrained");
        return new PrintedNumber[] {median, absent, absent};
    }

    private boolean ordered(double q1, double median, double q3) {
        return inScale(q1) && inScale(median) && inScale(q3) && q1 <= median && median <= q3;
    }

    private boolean inScale(double v) {
        return v >= scale.min() && v <= scale.max();
    }
}

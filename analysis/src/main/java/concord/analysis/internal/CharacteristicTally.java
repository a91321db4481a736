package concord.analysis.internal;

import concord.analysis.CategoryCount;
import concord.analysis.CharacteristicSummary;
import concord.analysis.DemographicVariable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Values of one participant characteristic in one group. Continuous values are kept as counts per
 * distinct value (ages and years are few distinct numbers), so memory grows with the number of
 * distinct values, not of participants, and the median is exact.
 */
public final class CharacteristicTally {

    private final DemographicVariable variable;
    private final List<String> codes;
    private final long[] categoryCounts;
    private final TreeMap<Double, Long> values = new TreeMap<>();
    private long missing;

    public CharacteristicTally(DemographicVariable variable) {
        this.variable = variable;
        this.codes = List.copyOf(variable.choices().keySet());
        this.categoryCounts = new long[codes.size()];
    }

    public void addValue(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("Characteristic '" + variable.field() + "' got " + value
                    + "; only finite numbers are allowed");
        }
        values.merge(value == 0.0 ? 0.0 : value, 1L, Long::sum);
    }

    /** Adds one choice; returns false if the code is not one of the variable's choices. */
    public boolean addCategory(String code) {
        int i = codes.indexOf(code);
        if (i < 0) {
            return false;
        }
        categoryCounts[i]++;
        return true;
    }

    public void addMissing() {
        missing++;
    }

    public void merge(CharacteristicTally other) {
        other.values.forEach((v, c) -> values.merge(v, c, Long::sum));
        for (int i = 0; i < categoryCounts.length; i++) {
            categoryCounts[i] += other.categoryCounts[i];
        }
        missing += other.missing;
    }

    public CharacteristicSummary summary() {
        Map<String, String> reasons = new LinkedHashMap<>();
        if (variable.kind() == DemographicVariable.Kind.CATEGORICAL) {
            long n = 0;
            for (long c : categoryCounts) {
                n += c;
            }
            List<CategoryCount> categories = new ArrayList<>();
            for (int i = 0; i < codes.size(); i++) {
                categories.add(new CategoryCount(codes.get(i), variable.choices().get(codes.get(i)), categoryCounts[i],
                        n == 0 ? OptionalDouble.empty() : OptionalDouble.of(100.0 * categoryCounts[i] / n)));
            }
            if (n == 0) {
                reasons.put("percent", "no participant in this group has a value");
            }
            return new CharacteristicSummary(n, missing, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), categories, reasons);
        }
        long n = 0;
        double sum = 0;
        for (Map.Entry<Double, Long> e : values.entrySet()) {
            n += e.getValue();
            sum += e.getKey() * e.getValue();
        }
        if (n == 0) {
            for (String f : List.of("mean", "sd", "median", "min", "max")) {
                reasons.put(f, "no participant in this group has a value");
            }
            return new CharacteristicSummary(0, missing, OptionalDouble.empty(), OptionalDouble.empty(),
                    OptionalDouble.empty(), OptionalDouble.empty(), OptionalDouble.empty(), List.of(), reasons);
        }
        double mean = sum / n;
        OptionalDouble sd = OptionalDouble.empty();
        if (n >= 2) {
            double ss = 0;
            for (Map.Entry<Double, Long> e : values.entrySet()) {
                double d = e.getKey() - mean;
                ss += d * d * e.getValue();
            }
            sd = OptionalDouble.of(Math.sqrt(ss / (n - 1)));
        } else {
            reasons.put("sd", "needs at least 2 values, has 1");
        }
        double median = (valueAt((n + 1) / 2) + valueAt(n / 2 + 1)) / 2.0;
        return new CharacteristicSummary(n, missing, OptionalDouble.of(mean), sd, OptionalDouble.of(median),
                OptionalDouble.of(values.firstKey()), OptionalDouble.of(values.lastKey()), List.of(), reasons);
    }

    /** The k-th smallest value, 1-based. */
    private double valueAt(long k) {
        long seen = 0;
        for (Map.Entry<Double, Long> e : values.entrySet()) {
            seen += e.getValue();
            if (seen >= k) {
                return e.getKey();
            }
        }
        throw new IllegalStateException("no value " + k);
    }
}

package concord.analysis.internal;

import concord.analysis.CategoryCount;
import concord.analysis.CharacteristicSummary;
import concord.analysis.DemographicVariable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Values of one participant characteristic in one group. Continuous values are kept as counts per
 * distinct value (ages and years are few distinct numbers) in two primitive arrays ({@link ValueCounts}),
 * so memory grows with the number of distinct values, never with participants, no value costs an object,
 * and the median is exact.
 */
public final class CharacteristicTally {

    private final DemographicVariable variable;
    private final List<String> codes;
    private final long[] categoryCounts;
    private final ValueCounts values = new ValueCounts();
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
        values.add(value == 0.0 ? 0.0 : value, 1);
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

    /** Adds one choice by its position in the variable's choices. */
    public void addCategory(int choice) {
        categoryCounts[choice]++;
    }

    public void addMissing() {
        missing++;
    }

    public void merge(CharacteristicTally other) {
        values.addAll(other.values);
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
        double[] sorted = values.sortedValues();
        long[] counts = values.countsOf(sorted);
        long n = 0;
        double sum = 0;
        for (int i = 0; i < sorted.length; i++) {
            n += counts[i];
            sum += sorted[i] * counts[i];
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
            for (int i = 0; i < sorted.length; i++) {
                double d = sorted[i] - mean;
                ss += d * d * counts[i];
            }
            sd = OptionalDouble.of(Math.sqrt(ss / (n - 1)));
        } else {
            reasons.put("sd", "needs at least 2 values, has 1");
        }
        double median = (valueAt(sorted, counts, (n + 1) / 2) + valueAt(sorted, counts, n / 2 + 1)) / 2.0;
        return new CharacteristicSummary(n, missing, OptionalDouble.of(mean), sd, OptionalDouble.of(median),
                OptionalDouble.of(sorted[0]), OptionalDouble.of(sorted[sorted.length - 1]), List.of(), reasons);
    }

    /** The k-th smallest value, 1-based. */
    private static double valueAt(double[] sorted, long[] counts, long k) {
        long seen = 0;
        for (int i = 0; i < sorted.length; i++) {
            seen += counts[i];
            if (seen >= k) {
                return sorted[i];
            }
        }
        throw new IllegalStateException("no value " + k);
    }
}

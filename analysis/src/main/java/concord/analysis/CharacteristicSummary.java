package concord.analysis;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One participant characteristic in one group. Continuous characteristics fill mean, sd, median,
 * min and max (shown as mean ± SD and median (min–max)); categorical ones fill {@code categories}
 * (shown as n (%)). Empty values have a reason in {@link #notComputable()}.
 *
 * @param n             participants with a valid value
 * @param missing       participants without one
 * @param mean          mean (continuous)
 * @param sd            standard deviation, n − 1 (continuous)
 * @param median        median (continuous)
 * @param min           smallest value (continuous)
 * @param max           largest value (continuous)
 * @param categories    n (%) per choice in the variable's order (categorical)
 * @param notComputable reasons for empty values, by field name
 */
public record CharacteristicSummary(long n, long missing, OptionalDouble mean, OptionalDouble sd,
                                    OptionalDouble median, OptionalDouble min, OptionalDouble max,
                                    List<CategoryCount> categories, Map<String, String> notComputable) {

    public CharacteristicSummary {
        categories = List.copyOf(categories);
        notComputable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notComputable));
    }
}

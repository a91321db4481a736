package concord.analysis;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Descriptive statistics of one outcome in one group (one row of the reference study's Table 1).
 * Values that cannot be computed are empty and {@link #notComputable()} says why, keyed by the JSON
 * field name (e.g. {@code "sd" → "needs at least 2 valid answers, has 1"}).
 *
 * @param n             valid answers
 * @param missing       missing answers
 * @param counts        valid answers per score, lowest score first
 * @param pctTop        valid percent in the top band (0–100)
 * @param pctMiddle     valid percent in the middle band
 * @param pctBottom     valid percent in the bottom band
 * @param mean          mean score
 * @param sd            standard deviation, n − 1
 * @param median        median (SPSS HAVERAGE = HF6)
 * @param q1            first quartile (HF6)
 * @param q3            third quartile (HF6)
 * @param consensus     consensus class under the study's rule
 * @param notComputable reasons for the empty values, by field name
 */
public record GroupStatistics(long n, long missing, List<Long> counts, OptionalDouble pctTop,
                              OptionalDouble pctMiddle, OptionalDouble pctBottom, OptionalDouble mean,
                              OptionalDouble sd, OptionalDouble median, OptionalDouble q1, OptionalDouble q3,
                              Optional<Consensus> consensus, Map<String, String> notComputable) {

    public GroupStatistics {
        counts = List.copyOf(counts);
        notComputable = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(notComputable));
    }
}

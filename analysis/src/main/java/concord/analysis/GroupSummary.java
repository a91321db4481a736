package concord.analysis;

/**
 * A stakeholder group in a result, with its number of participants.
 *
 * @param code  the group's coded value
 * @param label the group's label (the key of per-group objects in a result)
 * @param n     participants in the group (individual outcomes may have fewer valid answers)
 */
public record GroupSummary(String code, String label, long n) {
}

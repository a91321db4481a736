package concord.analysis;

import java.util.OptionalDouble;

/**
 * One group's figures in a joint display row (the paper's Table 2): % in the top band and mean (SD).
 *
 * @param code   the group's code
 * @param label  the group's label
 * @param n      valid answers
 * @param pctTop valid percent in the top band ("% important")
 * @param mean   mean score
 * @param sd     standard deviation, n − 1
 * @param higher true for the one group that rated the outcome higher (see {@link JointDisplay})
 */
public record JointDisplayGroup(String code, String label, long n, OptionalDouble pctTop, OptionalDouble mean,
                                OptionalDouble sd, boolean higher) {
}

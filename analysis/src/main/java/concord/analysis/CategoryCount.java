package concord.analysis;

import java.util.OptionalDouble;

/**
 * One choice of a categorical participant characteristic in one group: n (%).
 *
 * @param code    coded value
 * @param label   choice label
 * @param n       participants with this value
 * @param percent valid percent (missing excluded); empty when the group has no valid answers
 */
public record CategoryCount(String code, String label, long n, OptionalDouble percent) {
}

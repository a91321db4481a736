package concord.analysis.reconstruction;

import java.util.Objects;

/**
 * A printed value the reconstruction could not reproduce.
 *
 * @param statistic     which statistic
 * @param printed       the value as printed, e.g. "3.9"
 * @param reconstructed the reconstructed data's value at the printed precision, e.g. "3.8"
 * @param reason        why no data set reproduces it
 */
public record Discrepancy(Statistic statistic, String printed, String reconstructed, String reason) {

    public Discrepancy {
        Objects.requireNonNull(statistic, "statistic");
        Objects.requireNonNull(printed, "printed");
        Objects.requireNonNull(reconstructed, "reconstructed");
        Objects.requireNonNull(reason, "reason");
    }

    /** "% 1–3 printed 3.9, reconstructed 3.8: reason". */
    public String describe() {
        return statistic.label() + " printed " + printed + ", reconstructed " + reconstructed + ": " + reason;
    }
}

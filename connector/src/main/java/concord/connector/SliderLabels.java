package concord.connector;

import java.util.Objects;

/** The three labels under a slider ({@code left | middle | right}); any may be empty. */
public record SliderLabels(String left, String middle, String right) {
    public SliderLabels {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(middle, "middle");
        Objects.requireNonNull(right, "right");
    }
}

package concord.analysis;

import java.util.List;

/**
 * A theme of one joint display row with its quotes, in the order they were entered.
 *
 * @param theme  the theme
 * @param quotes its quotes concerning the row's outcome
 */
public record JointDisplayTheme(String theme, List<JointDisplayQuote> quotes) {

    public JointDisplayTheme {
        quotes = List.copyOf(quotes);
    }
}

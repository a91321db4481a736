package concord.server.load;

import concord.analysis.RatingAccumulator;

import java.util.List;

/**
 * What a {@link RecordFeed} read.
 *
 * @param accumulator  the ratings, ready for the analyzer
 * @param records      records seen (the results record not counted)
 * @param analysed     records analysed (with a valid group)
 * @param issueCount   values or records excluded; {@code issues} keeps the first 1000
 * @param fingerprint  SHA-256 over the rows read in canonical order
 */
public record FeedResult(RatingAccumulator accumulator, int records, int analysed, int issueCount,
                         List<LoadIssue> issues, String fingerprint) {
}

package concord.server.load;

import concord.analysis.AnalysisOptions;
import concord.analysis.DelphiAccumulator;
import concord.analysis.DelphiAnalyzer;
import concord.analysis.RatingAccumulator;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import io.micronaut.core.annotation.Nullable;

import java.util.List;

/**
 * What a {@link RecordFeed} read.
 *
 * @param accumulator  the ratings, ready for the analyzer (of a Delphi study: the latest answered round's)
 * @param records      records seen (the results record not counted)
 * @param analysed     records analysed (with a valid group)
 * @param issueCount   values or records excluded; {@code issues} keeps the first 1000
 * @param fingerprint  SHA-256 over the rows read in canonical order
 * @param rounds       every round of a Delphi study; null for a single survey
 * @param participants each Delphi participant's latest answered round (for feedback); null for a single survey
 */
public record FeedResult(RatingAccumulator accumulator, int records, int analysed, int issueCount,
                         List<LoadIssue> issues, String fingerprint, @Nullable DelphiAccumulator rounds,
                         @Nullable ParticipantRatings participants) {

    /** A single survey's result. */
    public FeedResult(RatingAccumulator accumulator, int records, int analysed, int issueCount, List<LoadIssue> issues,
                      String fingerprint) {
        this(accumulator, records, analysed, issueCount, issues, fingerprint, null, null);
    }

    /** A Delphi study's result without participants' ratings (counts rebuilt elsewhere). */
    public FeedResult(RatingAccumulator accumulator, int records, int analysed, int issueCount, List<LoadIssue> issues,
                      String fingerprint, @Nullable DelphiAccumulator rounds) {
        this(accumulator, records, analysed, issueCount, issues, fingerprint, rounds, null);
    }

    /**
     * The analysis: a single survey's {@link StudyAnalyzer} result, or a Delphi study's {@link DelphiAnalyzer} result
     * (the latest answered round, with {@link StudyResult#delphi()} present).
     */
    public StudyResult analyze(AnalysisOptions options) {
        return rounds == null ? StudyAnalyzer.withDefaults().with(options).analyze(accumulator)
                : DelphiAnalyzer.withDefaults().with(options).analyze(rounds);
    }

    /** {@link #analyze(AnalysisOptions)} with the SPSS defaults. */
    public StudyResult analyze() {
        return rounds == null ? StudyAnalyzer.withDefaults().analyze(accumulator) : DelphiAnalyzer.withDefaults().analyze(rounds);
    }
}

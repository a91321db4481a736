package concord.server.load;

import concord.analysis.CodedQuote;
import concord.analysis.StudyResult;
import concord.server.load.internal.Fingerprint;

import java.util.List;
import java.util.Map;

/**
 * What a {@link QuoteReader} read from the qualitative instrument.
 *
 * @param instrument the instrument read
 * @param quotes     the valid quotes, in export order (participant text: never logged)
 * @param coreAreas  outcome field → COMET core area ({@code @CONCORD-CORE-AREA}, else a quote's {@code qual_core_area})
 * @param issues     the rows left out (the first 1000), each naming record, field, value, project and instance
 * @param issueCount problems found in all
 * @param rows       instances read (valid or not)
 * @param digest     SHA-256 over every instance read; empty when there were none
 */
public record QualitativeData(String instrument, List<CodedQuote> quotes, Map<String, String> coreAreas,
                              List<LoadIssue> issues, int issueCount, int rows, String digest) {

    public QualitativeData {
        quotes = List.copyOf(quotes);
        coreAreas = Map.copyOf(coreAreas);
        issues = List.copyOf(issues);
    }

    /** The result with its joint display; unchanged when there are no valid quotes. */
    public StudyResult attachTo(StudyResult result) {
        return quotes.isEmpty() ? result : result.withQuotes(quotes, coreAreas);
    }

    /** The ratings' feed with these issues added (after its own) and the fingerprint of ratings and quotes. */
    public FeedResult mergeInto(FeedResult feed) {
        List<LoadIssue> all = new java.util.ArrayList<>(feed.issues());
        issues.stream().limit(Math.max(0, 1000 - all.size())).forEach(all::add);
        return new FeedResult(feed.accumulator(), feed.records(), feed.analysed(), feed.issueCount() + issueCount, all,
                fingerprint(feed.fingerprint()), feed.rounds(), feed.participants());
    }

    /**
     * The fingerprint of ratings and quotes together: the ratings' own when no instance was read (projects without
     * qualitative data keep their fingerprints), else a SHA-256 of both, so a changed quote re-publishes.
     */
    public String fingerprint(String ratingsFingerprint) {
        return rows == 0 ? ratingsFingerprint : Fingerprint.sha256Hex(ratingsFingerprint + "\u001eQ" + digest);
    }
}

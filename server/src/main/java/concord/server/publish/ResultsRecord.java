package concord.server.publish;

import concord.analysis.GroupStatistics;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.server.load.FeedResult;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The values Concord writes into the {@code concord_results} instrument (raw values, REDCap import
 * format). Field names are part of the instrument's contract with {@code deploy/redcap}.
 */
public final class ResultsRecord {
    public static final String INSTRUMENT = "concord_results";

    private ResultsRecord() {
    }

    public static Map<String, String> values(long runId, Instant when, StudyResult result, FeedResult feed) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("concord_run_id", String.valueOf(runId));
        v.put("concord_run_time", when.toString().substring(0, 16).replace('T', ' '));
        v.put("concord_records", String.valueOf(feed.analysed()));
        v.put("concord_excluded", String.valueOf(feed.issueCount()));
        v.put("concord_outcomes", String.valueOf(result.outcomes().size()));
        v.put("concord_differing", String.valueOf(result.outcomes().stream().filter(o -> o.comparison().differs()).count()));
        v.put("concord_fingerprint", feed.fingerprint());
        v.put("concord_summary", summary(result));
        v.put(INSTRUMENT + "_complete", "2");
        return v;
    }

    /** One line per outcome: label, each group's consensus and median, and whether the groups differ. */
    static String summary(StudyResult result) {
        StringBuilder s = new StringBuilder();
        Map<String, String> labels = new LinkedHashMap<>();
        result.groups().forEach(g -> labels.put(g.code(), g.label()));
        for (OutcomeResult o : result.outcomes()) {
            s.append(o.outcome().label()).append(':');
            for (Map.Entry<String, GroupStatistics> g : o.groups().entrySet()) {
                GroupStatistics stats = g.getValue();
                s.append(' ').append(labels.getOrDefault(g.getKey(), g.getKey())).append('=')
                        .append(stats.consensus().map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', ' ')).orElse("n/a"))
                        .append(stats.median().isPresent() ? String.format(Locale.ROOT, " (median %.1f)", stats.median().getAsDouble()) : "")
                        .append(';');
            }
            s.append(o.comparison().differs() ? " groups differ" : " no difference").append('\n');
        }
        return s.toString();
    }
}

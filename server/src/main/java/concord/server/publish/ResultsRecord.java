package concord.server.publish;

import concord.analysis.Consensus;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.server.load.FeedResult;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The rows Concord imports into the results instruments of {@code deploy/redcap}: one
 * {@code concord_results} row (run summary), one {@code concord_outcome_results} repeat instance per
 * outcome (the comparison: tests, verdict) and one {@code concord_group_results} repeat instance per
 * outcome and group (n, % scoring in the top band, mean, median, consensus), which holds any number of
 * groups. The role fields ({@code concord_n_doctor}, {@code or_doctor_*}, {@code or_patient_*}) are
 * written only when exactly two groups are compared: the first group goes to {@code doctor} and the
 * second to {@code patient} (unless the labels say otherwise); with three or more groups no group would
 * fit those names, so they stay empty and the group instances carry the figures.
 */
public final class ResultsRecord {
    public static final String INSTRUMENT = "concord_results";
    public static final String OUTCOME_INSTRUMENT = "concord_outcome_results";
    public static final String GROUP_INSTRUMENT = "concord_group_results";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);

    private ResultsRecord() {
    }

    /** Raw import rows without the record-ID column (the publisher adds it). */
    public static List<Map<String, String>> rows(long runId, Instant when, StudyResult result, FeedResult feed,
                                                 String versions, String dashboardUrl) {
        List<Map<String, String>> rows = new ArrayList<>();
        List<GroupSummary> roles = roles(result);
        Map<String, String> main = new LinkedHashMap<>();
        main.put("concord_run_time", TIME.format(when));
        main.put("concord_run_id", String.valueOf(runId));
        main.put("concord_records", String.valueOf(feed.analysed()));
        main.put("concord_excluded", String.valueOf(feed.records() - feed.analysed()));
        if (roles.size() == 2) {
            main.put("concord_n_doctor", String.valueOf(roles.get(0).n()));
            main.put("concord_n_patient", String.valueOf(roles.get(1).n()));
        }
        main.put("concord_outcomes", String.valueOf(result.outcomes().size()));
        main.put("concord_differing", String.valueOf(result.summary().differing()));
        main.put("concord_critical_both", String.valueOf(result.summary().criticalInAllGroups()));
        main.put("concord_dashboard_url", dashboardUrl == null ? "" : dashboardUrl);
        main.put("concord_fingerprint", feed.fingerprint());
        main.put("concord_versions", versions);
        main.put("concord_methods", String.join("\n", result.methods()));
        main.put(INSTRUMENT + "_complete", "2");
        rows.add(main);
        if (roles.size() < 2) {
            return rows;
        }
        boolean twoGroups = roles.size() == 2;
        int instance = 1;
        for (OutcomeResult o : result.outcomes()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("redcap_repeat_instrument", OUTCOME_INSTRUMENT);
            row.put("redcap_repeat_instance", String.valueOf(instance++));
            row.put("or_field", o.outcome().field());
            row.put("or_label", o.outcome().label());
            row.put("or_domain", o.outcome().domain());
            if (twoGroups) {
                // OutcomeResult.groups() is keyed by group label (not code)
                group(row, "doctor", o.groups().get(roles.get(0).label()));
                group(row, "patient", o.groups().get(roles.get(1).label()));
            }
            row.put("or_p_chisq", o.comparison().chiSquare().map(c -> p(c.p())).orElse(""));
            row.put("or_p_exact", o.comparison().fisherExact().map(f -> p(f.p())).orElse(""));
            OptionalDouble rank = o.comparison().rankTestP(); // Mann–Whitney for two groups, Kruskal–Wallis for more
            row.put("or_p_rank_sum", rank.isPresent() ? p(rank.getAsDouble()) : "");
            row.put("or_verdict", o.comparison().differs() ? "2" : "1");
            List<String> reasons = o.comparison().reasons();
            row.put("or_differ_by___1", reasons.stream().anyMatch(r -> r.startsWith("consensus")) ? "1" : "0");
            row.put("or_differ_by___2", reasons.stream().anyMatch(r -> r.contains("chi-square")) ? "1" : "0");
            row.put("or_differ_by___3", reasons.stream().anyMatch(r -> r.contains("Mann–Whitney") || r.contains("Kruskal"))
                    ? "1" : "0");
            row.put(OUTCOME_INSTRUMENT + "_complete", "2");
            rows.add(row);
        }
        rows.addAll(groupRows(result));
        return rows;
    }

    /** One {@code concord_group_results} instance per outcome and group, in study order. */
    private static List<Map<String, String>> groupRows(StudyResult result) {
        List<Map<String, String>> rows = new ArrayList<>();
        int instance = 1;
        for (OutcomeResult o : result.outcomes()) {
            for (GroupSummary g : result.groups()) {
                GroupStatistics stats = o.groups().get(g.label());
                Map<String, String> row = new LinkedHashMap<>();
                row.put("redcap_repeat_instrument", GROUP_INSTRUMENT);
                row.put("redcap_repeat_instance", String.valueOf(instance++));
                row.put("gr_field", o.outcome().field());
                row.put("gr_outcome", o.outcome().label());
                row.put("gr_group_code", g.code());
                row.put("gr_group_label", g.label());
                row.put("gr_n", stats == null ? "0" : String.valueOf(stats.n()));
                row.put("gr_pct_critical", stats == null ? "" : number(stats.pctTop(), "%.1f"));
                row.put("gr_mean", stats == null ? "" : number(stats.mean(), "%.2f"));
                row.put("gr_median", stats == null ? "" : number(stats.median(), "%.2f"));
                row.put("gr_consensus", stats == null ? "" : stats.consensus().map(ResultsRecord::consensusCode).orElse(""));
                row.put(GROUP_INSTRUMENT + "_complete", "2");
                rows.add(row);
            }
        }
        return rows;
    }

    /** The two groups in doctor/patient order: by label when the labels say so, else in study order. */
    static List<GroupSummary> roles(StudyResult result) {
        List<GroupSummary> groups = result.groups();
        if (groups.size() != 2) {
            return groups;
        }
        boolean swapped = groups.get(0).label().toLowerCase(Locale.ROOT).contains("patient")
                && !groups.get(1).label().toLowerCase(Locale.ROOT).contains("patient");
        return swapped ? List.of(groups.get(1), groups.get(0)) : groups;
    }

    private static void group(Map<String, String> row, String role, GroupStatistics stats) {
        if (stats == null) {
            return;
        }
        row.put("or_" + role + "_n", String.valueOf(stats.n()));
        row.put("or_" + role + "_pct_critical", number(stats.pctTop(), "%.1f"));
        row.put("or_" + role + "_mean", number(stats.mean(), "%.2f"));
        row.put("or_" + role + "_consensus", stats.consensus().map(ResultsRecord::consensusCode).orElse(""));
    }

    private static String consensusCode(Consensus c) {
        return switch (c) {
            case CRITICAL -> "1";
            case NEUTRAL -> "2";
            case NOT_IMPORTANT -> "3";
        };
    }

    private static String number(OptionalDouble value, String format) {
        return value.isPresent() ? String.format(Locale.ROOT, format, value.getAsDouble()) : "";
    }

    private static String p(double p) {
        return String.format(Locale.ROOT, "%.4f", p);
    }
}

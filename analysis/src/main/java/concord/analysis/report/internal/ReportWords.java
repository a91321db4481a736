package concord.analysis.report.internal;

import concord.analysis.Band;
import concord.analysis.Consensus;
import concord.analysis.FisherExactResult;
import concord.analysis.GroupStatistics;
import concord.analysis.OutcomeComparison;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.analysis.internal.Messages;
import concord.analysis.internal.MethodsText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of one report in its language ({@link Messages}), including the texts the analysis stored in
 * English in the result: consensus classes, the GRADE band labels, why an outcome differs, the methods and
 * the service's provenance names. English reports show those exactly as stored, so they stay byte-identical;
 * other languages write them again from the result's figures (the result and its JSON never change).
 */
public final class ReportWords {

    private static final Pattern RANK_REASON = Pattern.compile("(Mann–Whitney U|Kruskal–Wallis H) p ([=<] \\S+) < (\\S+)");
    private static final Pattern CHI_REASON = Pattern.compile("Pearson chi-square p ([=<] \\S+) < (\\S+)");

    private final Messages m;
    private final StudyResult result;

    public ReportWords(StudyResult result, Messages m) {
        this.result = result;
        this.m = m;
    }

    public Messages messages() {
        return m;
    }

    public String text(String key) {
        return m.text(key);
    }

    public String format(String key, Object... namesAndValues) {
        return m.format(key, namesAndValues);
    }

    /** Joins with the language's list separator ("; " in English). */
    public String list(List<String> items) {
        return String.join(m.text("list.separator"), items);
    }

    public String consensus(Consensus consensus) {
        return m.isEnglish() ? consensus.label() : m.text("consensus." + consensus.code());
    }

    /** The band's label: GRADE's in the report language, a scale's own as configured. */
    public String bandLabel(Band band) {
        return MethodsText.bandLabel(result.scale(), band, m);
    }

    /** "Mann–Whitney" for two groups, "Kruskal–Wallis" for more. */
    public String rankTestName() {
        return m.text(result.groups().size() == 2 ? "test.mannWhitney" : "test.kruskalWallis");
    }

    /** Why an outcome differs, as the analysis stored it (English) or in the report language. */
    public List<String> reasons(OutcomeResult outcome) {
        OutcomeComparison comparison = outcome.comparison();
        if (m.isEnglish()) {
            return comparison.reasons();
        }
        List<String> out = new ArrayList<>();
        for (String reason : comparison.reasons()) {
            out.add(reason(outcome, reason));
        }
        return out;
    }

    public String reasonsText(OutcomeResult outcome) {
        return list(reasons(outcome));
    }

    private String reason(OutcomeResult outcome, String reason) {
        Matcher rank = RANK_REASON.matcher(reason);
        if (rank.matches()) {
            // "Mann–Whitney U" / "Kruskal–Wallis H": test names read the same in every language
            return m.format("reason.differsRank", "test", rank.group(1), "p", rank.group(2), "alpha", rank.group(3));
        }
        Matcher chi = CHI_REASON.matcher(reason);
        if (chi.matches()) {
            return m.format("reason.differsChiSquare", "p", chi.group(1), "alpha", chi.group(2));
        }
        if (reason.startsWith("consensus differs: ")) {
            List<String> classes = new ArrayList<>();
            for (String group : outcome.comparison().groupsCompared()) {
                GroupStatistics stats = outcome.groups().get(group);
                if (stats == null || stats.consensus().isEmpty()) {
                    return reason; // not the analyzer's wording: shown as stored
                }
                classes.add(m.format("reason.groupClass", "group", group, "class", consensus(stats.consensus().get())));
            }
            return m.format("reason.differsConsensus", "classes", String.join(m.text("reason.groupClassSeparator"), classes));
        }
        return reason;
    }

    /**
     * The methods paragraphs: in English as stored in the result; in another language written again from the
     * result's scale, rule and options when the stored text is what Concord writes for them (otherwise, e.g. a
     * result built elsewhere, as stored).
     */
    public List<String> methods() {
        if (m.isEnglish()) {
            return result.methods();
        }
        Map<String, FisherExactResult> estimated = new LinkedHashMap<>();
        for (OutcomeResult outcome : result.outcomes()) {
            outcome.comparison().fisherExact().filter(f -> !f.exact()).ifPresent(f -> estimated.put(outcome.outcome().label(), f));
        }
        int outcomes = result.outcomes().size();
        int groups = result.groups().size();
        List<String> english = MethodsText.describe(result.scale(), result.consensusRule(), outcomes, groups, result.options(),
                estimated, Messages.english());
        if (!english.equals(result.methods())) {
            return result.methods();
        }
        return MethodsText.describe(result.scale(), result.consensusRule(), outcomes, groups, result.options(), estimated, m);
    }

    /** The consensus rule in words. */
    public String rule() {
        return MethodsText.rule(result.consensusRule(), result.scale(), m);
    }

    /** A provenance line's name in the report language when it is one Concord writes, else as given. */
    public String provenanceName(String name) {
        if (m.isEnglish()) {
            return name;
        }
        Messages english = Messages.english();
        for (String key : english.keys()) {
            if (key.startsWith("provenance.") && english.text(key).equals(name)) {
                return m.text(key);
            }
        }
        return name;
    }

    /**
     * A legend label's length in Latin character widths: English reports keep counting characters (their layout
     * is unchanged); other languages count a wide (CJK) character as two, so Chinese legends do not overlap.
     */
    public int legendWidth(String label) {
        return m.isEnglish() ? label.length() : Svg.widthInChars(label);
    }

    private static final Pattern ONE_GROUP = Pattern.compile("only one group \\((.+)\\) has valid answers");
    private static final Pattern ONE_BAND = Pattern.compile("all valid answers fall in one band \\((top|middle|bottom)\\), so the band table has a single column");
    private static final Pattern NO_VALID = Pattern.compile("no valid answers \\((\\d+) missing\\)");
    private static final Map<String, String> WHY = Map.ofEntries(Map.entry("no chi-square p for this outcome", "why.noChiSquare"),
            Map.entry("no Fisher exact p for this outcome", "why.noFisher"), Map.entry("no rank-test p for this outcome", "why.noRankTest"),
            Map.entry("no group has valid answers", "why.noGroup"), Map.entry("needs at least 2 valid answers, has 1", "why.needsTwo"),
            Map.entry("needs at least 2 values, has 1", "why.needsTwoValues"), Map.entry("no answers", "why.noAnswers"),
            Map.entry("no participant in this group has a value", "why.noValue"), Map.entry("not computable", "why.notComputable"),
            Map.entry("fewer than 2 groups with answers", "why.fewerGroups"),
            Map.entry("no answers from this group", "reason.noAnswers"), Map.entry("no participants in this group", "reason.noParticipants"));

    /**
     * Why a value is not computable, as the analysis stored it (English), in the report language when it is one of
     * the analysis's common reasons; other reasons are shown as stored.
     */
    public String why(String reason) {
        if (m.isEnglish() || reason == null) {
            return reason;
        }
        String key = WHY.get(reason);
        if (key != null) {
            return m.text(key);
        }
        Matcher group = ONE_GROUP.matcher(reason);
        if (group.matches()) {
            return m.format("why.oneGroup", "group", group.group(1));
        }
        Matcher band = ONE_BAND.matcher(reason);
        if (band.matches()) {
            Band b = Band.valueOf(band.group(1).toUpperCase(java.util.Locale.ROOT));
            return m.format("why.oneBand", "band", result.scale().band(b).rangeText());
        }
        Matcher none = NO_VALID.matcher(reason);
        if (none.matches()) {
            return m.format("why.noValid", "missing", none.group(1));
        }
        return reason;
    }

    /** "Monte Carlo estimate of the exact p: 99% CI 0.006823–0.01159, 10,000 sampled tables, seed 20260101 (why)". */
    public String monteCarloNote(FisherExactResult f) {
        return m.format("monteCarlo.note", "lower", Numbers.estimate(f.lower()), "upper", Numbers.estimate(f.upper()),
                "count", String.format(java.util.Locale.ROOT, "%,d", f.count()), "seed", f.seed(), "why", f.why());
    }
}

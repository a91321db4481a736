package concord.analysis.report.internal;

import concord.analysis.Consensus;
import concord.analysis.DelphiResult;
import concord.analysis.DropoutComparison;
import concord.analysis.GroupAttrition;
import concord.analysis.GroupStability;
import concord.analysis.GroupSummary;
import concord.analysis.Outcome;
import concord.analysis.OutcomeStability;
import concord.analysis.Round;
import concord.analysis.RoundChange;
import concord.analysis.RoundResponse;
import concord.analysis.RoundResult;
import concord.analysis.StoppingAdvice;
import concord.analysis.StudyResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The Delphi rounds view shared by every report format and the dashboard, built from a
 * {@link DelphiResult}: consensus per outcome × group × round with the round consensus was reached,
 * the stability verdict of the latest two rounds per outcome and group, the stopping advice,
 * response per round and group, and the round-1 comparison of drop-outs with the participants who
 * answered every round. {@link RoundsTables} turns it into the printed tables.
 *
 * <p>Every heading and fixed word is a constant here, in plain English, so a translation can
 * replace them in one place.
 */
public final class RoundsView {
    public static final String SECTION = "Delphi rounds";
    public static final String ADVICE = "Stopping advice";
    public static final String RULE = "Stability rule";
    public static final String CONSENSUS_CAPTION = "Consensus per outcome, group and round";
    public static final String STABILITY_CAPTION = "Stability between the latest two rounds per outcome and group";
    public static final String RESPONSE_CAPTION = "Response per round and group";
    public static final String DROPOUT_CAPTION = "Round-1 ratings of drop-outs against participants who answered every round";
    public static final String ALL_PARTICIPANTS = "All participants";
    public static final String OUTCOME = "Outcome";
    public static final String GROUP = "Group";
    public static final String REACHED_IN = "Consensus since round";
    public static final String ROUNDS = "Rounds";
    public static final String VERDICT = "Verdict";
    public static final String PAIRS = "Paired participants";
    public static final String WILCOXON_P = "Wilcoxon p";
    public static final String CHANGED_BAND = "% changed band";
    public static final String WHY = "Why";
    public static final String PANEL = "Panel";
    public static final String RESPONDENTS = "Respondents";
    public static final String PCT_OF_PANEL = "% of panel";
    public static final String PCT_OF_FIRST = "% of round 1";
    public static final String PCT_OF_PREVIOUS = "% of previous round";
    public static final String ROUND = "Round";
    public static final String DROPOUT_SUMMARY_CAPTION = "Participants who answered every round and drop-outs per group";
    public static final String COMPLETERS = "Answered every round";
    public static final String DROPOUTS = "Dropped out";
    public static final String MANN_WHITNEY_P = "Mann\u2013Whitney p";
    public static final String Q = "BH q";
    public static final String FLAGGED = "Drop-outs differ";
    public static final String STABLE = "stable";
    public static final String NOT_STABLE = "not stable";
    public static final String NOT_JUDGED = "not judged";
    public static final String YES = "yes";
    public static final String NO = "no";
    public static final String NO_CONSENSUS = "no consensus";
    public static final String NO_ANSWERS = "no answers";
    /** Drop-outs, round-1 respondents, alpha, flagged comparisons, comparisons. */
    public static final String DROPOUT_SENTENCE = "Drop-outs: %d of %d round-1 respondents did not answer every round; "
            + "their round-1 ratings differ from those of the participants who did (BH q < %s) in %d of %d comparisons.";

    /** One outcome in one group: its consensus class per round and since when the last class has held. */
    public record ConsensusRow(Outcome outcome, String group, List<Optional<Consensus>> byRound, OptionalInt reachedIn) {
    }

    /** The verdict of the latest change of one outcome in one group, and why. */
    public record StabilityRow(Outcome outcome, String group, Optional<RoundChange> change, Optional<Boolean> stable,
                               String why) {
        public long pairs() {
            return change.map(c -> c.pairs().n()).orElse(0L);
        }

        public OptionalDouble wilcoxonP() {
            return change.flatMap(RoundChange::wilcoxon).map(w -> OptionalDouble.of(w.p())).orElse(OptionalDouble.empty());
        }

        public OptionalDouble pctChangedBand() {
            return change.map(RoundChange::pctChangedBand).orElse(OptionalDouble.empty());
        }

        /** "Round 2 → 3" style span of the change, empty without one. */
        public String rounds() {
            return change.map(c -> c.fromRound() + "\u2192" + c.toRound()).orElse("");
        }
    }

    /** One group (or all participants): its panel, response per round, completers and drop-outs. */
    public record ResponseRow(String group, long panel, List<RoundResponse> rounds, long completers, long dropouts) {
    }

    /** One drop-out comparison of one outcome in one group (or all participants together). */
    public record DropoutRow(String group, Outcome outcome, long completers, long dropouts, OptionalDouble p,
                             OptionalDouble q, boolean flagged, String why) {
    }

    /** The constants above → their keys in the report's translation files ({@code rounds.*}). */
    private static final Map<String, String> KEYS = Map.ofEntries(Map.entry(SECTION, "rounds.section"),
            Map.entry(ADVICE, "rounds.advice"), Map.entry(RULE, "rounds.rule"), Map.entry(CONSENSUS_CAPTION, "rounds.consensusCaption"),
            Map.entry(STABILITY_CAPTION, "rounds.stabilityCaption"), Map.entry(RESPONSE_CAPTION, "rounds.responseCaption"),
            Map.entry(DROPOUT_CAPTION, "rounds.dropoutCaption"), Map.entry(ALL_PARTICIPANTS, "rounds.allParticipants"),
            Map.entry(OUTCOME, "rounds.outcome"), Map.entry(GROUP, "rounds.group"), Map.entry(REACHED_IN, "rounds.reachedIn"),
            Map.entry(ROUNDS, "rounds.rounds"), Map.entry(VERDICT, "rounds.verdict"), Map.entry(PAIRS, "rounds.pairs"),
            Map.entry(WILCOXON_P, "rounds.wilcoxonP"), Map.entry(CHANGED_BAND, "rounds.changedBand"), Map.entry(WHY, "rounds.why"),
            Map.entry(PANEL, "rounds.panel"), Map.entry(RESPONDENTS, "rounds.respondents"), Map.entry(PCT_OF_PANEL, "rounds.pctOfPanel"),
            Map.entry(PCT_OF_FIRST, "rounds.pctOfFirst"), Map.entry(PCT_OF_PREVIOUS, "rounds.pctOfPrevious"),
            Map.entry(ROUND, "rounds.round"), Map.entry(DROPOUT_SUMMARY_CAPTION, "rounds.dropoutSummaryCaption"),
            Map.entry(COMPLETERS, "rounds.completers"), Map.entry(DROPOUTS, "rounds.dropouts"),
            Map.entry(MANN_WHITNEY_P, "rounds.mannWhitneyP"), Map.entry(Q, "rounds.q"), Map.entry(FLAGGED, "rounds.flagged"),
            Map.entry(STABLE, "rounds.stable"), Map.entry(NOT_STABLE, "rounds.notStable"), Map.entry(NOT_JUDGED, "rounds.notJudged"),
            Map.entry(YES, "rounds.yes"), Map.entry(NO, "rounds.no"), Map.entry(NO_CONSENSUS, "rounds.noConsensus"),
            Map.entry(NO_ANSWERS, "rounds.noAnswers"));

    private final StudyResult result;
    private final DelphiResult delphi;
    private final List<String> groups;
    private final double alpha;
    private final ReportWords words;

    private RoundsView(StudyResult result, DelphiResult delphi, ReportWords words) {
        this.result = result;
        this.delphi = delphi;
        this.alpha = result.options().alpha();
        this.groups = result.groups().stream().map(GroupSummary::label).toList();
        this.words = words;
    }

    /** The view of a Delphi result, in English; empty for a single survey. */
    public static Optional<RoundsView> of(StudyResult result) {
        return of(result, new ReportWords(result, concord.analysis.internal.Messages.english()));
    }

    /** The view in the words' language. */
    public static Optional<RoundsView> of(StudyResult result, ReportWords words) {
        return result.delphi().map(d -> new RoundsView(result, d, words));
    }

    /** A fixed word of the view (one of the constants above) in the report language; in English the constant itself. */
    public String t(String constant) {
        String key = KEYS.get(constant);
        return words.messages().isEnglish() || key == null ? constant : words.text(key);
    }

    /** "Stopping advice: …", "Stability rule: …" in the report language. */
    public String labelled(String constant, String value) {
        return words.format("label.value", "name", t(constant), "value", value);
    }

    /** The across-round methods: as stored in English, written again from the rule and options in other languages. */
    public List<String> methods() {
        if (words.messages().isEnglish()) {
            return delphi.methods();
        }
        List<String> english = concord.analysis.internal.DelphiMethodsText.describe(rounds(), delphi.rule(), result.options());
        return english.equals(delphi.methods()) ? concord.analysis.internal.DelphiMethodsText.describe(rounds(), delphi.rule(),
                result.options(), words.messages()) : delphi.methods();
    }

    public DelphiResult delphi() {
        return delphi;
    }

    public List<Round> rounds() {
        return delphi.rounds().stream().map(RoundResult::round).toList();
    }

    public List<String> groups() {
        return groups;
    }

    public StoppingAdvice advice() {
        return delphi.advice();
    }

    /** The stopping advice as a sentence in the report language. */
    public String adviceText() {
        return words.advice(delphi.advice());
    }

    /** The stability rule as a sentence, starting with a capital. */
    public String rule() {
        if (words.messages().isEnglish()) {
            return "Ratings count as " + delphi.rule().describe() + ".";
        }
        return words.format("rounds.ruleSentence", "rule", concord.analysis.internal.DelphiMethodsText.rule(delphi.rule(), words.messages()));
    }

    /** Outcome × group in study order, each with its consensus per round. */
    public List<ConsensusRow> consensus() {
        List<ConsensusRow> rows = new ArrayList<>();
        for (OutcomeStability o : delphi.stability()) {
            for (Map.Entry<String, GroupStability> g : o.groups().entrySet()) {
                rows.add(new ConsensusRow(o.outcome(), g.getKey(), g.getValue().consensusByRound(),
                        g.getValue().consensusReachedInRound()));
            }
        }
        return rows;
    }

    /** Outcome × group in study order, each with the verdict of its latest change. */
    public List<StabilityRow> stability() {
        List<StabilityRow> rows = new ArrayList<>();
        for (OutcomeStability o : delphi.stability()) {
            for (Map.Entry<String, GroupStability> g : o.groups().entrySet()) {
                List<RoundChange> changes = g.getValue().changes();
                Optional<RoundChange> last = changes.isEmpty() ? Optional.empty() : Optional.of(changes.get(changes.size() - 1));
                String why = last.map(c -> c.stable().isPresent()
                                ? String.join(words.messages().isEnglish() ? "; " : words.text("list.separator"),
                                        c.reasons().stream().map(words::stabilityReason).toList())
                                : words.stabilityReason(c.notComputable().getOrDefault("stable", "")))
                        .orElse(words.messages().isEnglish() ? "fewer than two rounds with answers" : words.text("rounds.fewerThanTwo"));
                rows.add(new StabilityRow(o.outcome(), g.getKey(), last, g.getValue().stable(), why));
            }
        }
        return rows;
    }

    /** Each group in study order, then all participants. */
    public List<ResponseRow> response() {
        List<ResponseRow> rows = new ArrayList<>();
        for (GroupAttrition g : attritions()) {
            rows.add(new ResponseRow(label(g), g.panel(), g.rounds(), g.completers(), g.dropouts()));
        }
        return rows;
    }

    /** Per group in study order, then all participants: one row per outcome. */
    public List<DropoutRow> dropouts() {
        List<DropoutRow> rows = new ArrayList<>();
        for (GroupAttrition g : attritions()) {
            for (DropoutComparison c : g.comparisons()) {
                OptionalDouble p = c.mannWhitney().map(m -> OptionalDouble.of(m.p())).orElse(OptionalDouble.empty());
                String why = c.mannWhitney().isPresent() ? "" : c.notComputable().getOrDefault("mannWhitney", "");
                rows.add(new DropoutRow(label(g), c.outcome(), c.completers().n(), c.dropouts().n(), p, c.q(), c.flagged(), why));
            }
        }
        return rows;
    }

    /** The comparisons flagged (drop-outs rated differently), for the summary sentence. */
    public long flaggedCount() {
        return dropouts().stream().filter(DropoutRow::flagged).count();
    }

    /** One sentence on the drop-outs of all participants and how many comparisons flag them. */
    public String dropoutSentence() {
        GroupAttrition all = delphi.attrition().all();
        String alphaText = java.math.BigDecimal.valueOf(alpha).stripTrailingZeros().toPlainString();
        if (words.messages().isEnglish()) {
            return String.format(java.util.Locale.ROOT, DROPOUT_SENTENCE, all.dropouts(), all.completers() + all.dropouts(),
                    alphaText, flaggedCount(), dropouts().size());
        }
        return words.format("rounds.dropoutSentence", "dropouts", all.dropouts(), "respondents", all.completers() + all.dropouts(),
                "alpha", alphaText, "flagged", flaggedCount(), "comparisons", dropouts().size());
    }

    public static String consensus(Optional<Consensus> c) {
        return c.map(Consensus::label).orElse(NO_ANSWERS);
    }

    public static String verdict(Optional<Boolean> stable) {
        return stable.map(s -> s ? STABLE : NOT_STABLE).orElse(NOT_JUDGED);
    }

    /** A round's consensus class in the report language. */
    public String consensusText(Optional<Consensus> c) {
        return c.map(words::consensus).orElse(t(NO_ANSWERS));
    }

    /** A verdict in the report language. */
    public String verdictText(Optional<Boolean> stable) {
        return t(verdict(stable));
    }

    /** Every text the view prints that did not come from the code's constants (round labels, reasons). */
    public List<String> texts() {
        List<String> texts = new ArrayList<>();
        rounds().forEach(r -> texts.add(r.label()));
        texts.add(adviceText());
        texts.add(rule());
        texts.addAll(methods());
        stability().forEach(s -> texts.add(s.why()));
        dropouts().forEach(d -> texts.add(d.why()));
        return texts;
    }

    private List<GroupAttrition> attritions() {
        List<GroupAttrition> all = new ArrayList<>(delphi.attrition().groups());
        all.add(delphi.attrition().all());
        return all;
    }

    private String label(GroupAttrition g) {
        return g.group().orElse(t(ALL_PARTICIPANTS));
    }
}

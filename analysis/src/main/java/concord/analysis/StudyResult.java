package concord.analysis;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The complete analysis of a study: per-outcome statistics and comparisons, participant
 * characteristics, and the methods used. Render it with {@link StudyResultJson} or the renderers
 * in {@code concord.analysis.report}.
 *
 * @param title                      study title
 * @param groups                     groups in study order with their participant counts
 * @param outcomes                   one result per outcome, in study order
 * @param participantCharacteristics characteristics tables, in study order
 * @param scale                      the rating scale
 * @param consensusRule              the consensus rule applied
 * @param options                    the analysis options used
 * @param methods                    what was computed and how, one printable sentence per line
 * @param delphi                     for a study of several rounds, the rounds and what changed between them
 *                                   (the other components are then the latest answered round's); empty for a
 *                                   single survey
 * @param jointDisplay               the joint display of qualitative and quantitative results, when coded
 *                                   quotes were given ({@link #withJointDisplay}); empty otherwise
 */
public record StudyResult(String title, List<GroupSummary> groups, List<OutcomeResult> outcomes,
                          List<ParticipantCharacteristic> participantCharacteristics, RatingScale scale,
                          ConsensusRule consensusRule, AnalysisOptions options, List<String> methods,
                          Optional<DelphiResult> delphi, Optional<JointDisplay> jointDisplay) {

    public StudyResult {
        groups = List.copyOf(groups);
        outcomes = List.copyOf(outcomes);
        participantCharacteristics = List.copyOf(participantCharacteristics);
        methods = List.copyOf(methods);
        Objects.requireNonNull(delphi, "delphi");
        Objects.requireNonNull(jointDisplay, "jointDisplay");
    }

    /** A result without a joint display. */
    public StudyResult(String title, List<GroupSummary> groups, List<OutcomeResult> outcomes,
                       List<ParticipantCharacteristic> participantCharacteristics, RatingScale scale,
                       ConsensusRule consensusRule, AnalysisOptions options, List<String> methods,
                       Optional<DelphiResult> delphi) {
        this(title, groups, outcomes, participantCharacteristics, scale, consensusRule, options, methods, delphi,
                Optional.empty());
    }

    /** The result of a single survey (no rounds). */
    public StudyResult(String title, List<GroupSummary> groups, List<OutcomeResult> outcomes,
                       List<ParticipantCharacteristic> participantCharacteristics, RatingScale scale,
                       ConsensusRule consensusRule, AnalysisOptions options, List<String> methods) {
        this(title, groups, outcomes, participantCharacteristics, scale, consensusRule, options, methods, Optional.empty(),
                Optional.empty());
    }

    /** This result with the rounds of a Delphi study attached. */
    public StudyResult withDelphi(DelphiResult rounds) {
        return new StudyResult(title, groups, outcomes, participantCharacteristics, scale, consensusRule, options, methods,
                Optional.of(rounds), jointDisplay);
    }

    /**
     * This result with the joint display of these coded quotes ({@link JointDisplay#of}); unchanged when
     * there are none.
     *
     * @param coreAreas outcome field → COMET core area
     */
    public StudyResult withQuotes(List<CodedQuote> quotes, java.util.Map<String, String> coreAreas) {
        return new StudyResult(title, groups, outcomes, participantCharacteristics, scale, consensusRule, options, methods,
                delphi, JointDisplay.of(this, quotes, coreAreas));
    }

    /** Headline counts: consensus classes per group, outcomes critical everywhere, differing outcomes by reason. */
    public StudySummary summary() {
        return StudySummary.of(this);
    }

    /** The outcomes whose groups differ, in study order. */
    public List<OutcomeResult> differingOutcomes() {
        return outcomes.stream().filter(o -> o.comparison().differs()).toList();
    }

    /** The outcomes classified {@code consensus} in the group with this label. */
    public List<OutcomeResult> outcomesWith(Consensus consensus, String groupLabel) {
        return outcomes.stream()
                .filter(o -> {
                    GroupStatistics g = o.groups().get(groupLabel);
                    return g != null && g.consensus().filter(consensus::equals).isPresent();
                })
                .toList();
    }
}

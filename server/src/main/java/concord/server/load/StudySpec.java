package concord.server.load;

import concord.analysis.ConsensusRule;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.config.ProjectConfiguration;
import io.micronaut.core.annotation.Nullable;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to read from a REDCap project, independent of where it came from (service configuration or
 * command-line options).
 *
 * @param projectId        name used in messages
 * @param title            study title (null: REDCap's project title)
 * @param groupField       stakeholder-group field; null or blank: the field tagged {@code @CONCORD-GROUP}
 * @param outcomes         how rating fields are selected
 * @param domains          where domains come from
 * @param demographicFields characteristics to tabulate
 * @param consensus        consensus rule text: {@code 80/15}, {@code comet}, {@code >=70/<15}
 * @param event            unique event name to read (null: first event carrying the rating form)
 * @param repeatInstance   repeat instance to read (null: the first present)
 * @param excludedRecord   record never analysed (the results record), or null
 * @param rounds           where the rounds of a Delphi study are ({@link RoundSource#none()}: a single survey)
 */
public record StudySpec(String projectId, @Nullable String title, @Nullable String groupField, OutcomeSelection outcomes,
                        DomainSource domains, List<String> demographicFields, String consensus,
                        @Nullable String event, @Nullable Integer repeatInstance, @Nullable String excludedRecord,
                        RoundSource rounds) {

    private static final Pattern RULE = Pattern.compile("(>=|>)?\\s*(\\d+(?:\\.\\d+)?)\\s*%?\\s*/\\s*(<=|<)?\\s*(\\d+(?:\\.\\d+)?)\\s*%?");

    public StudySpec {
        demographicFields = demographicFields == null ? List.of() : List.copyOf(demographicFields);
        rounds = rounds == null ? RoundSource.none() : rounds;
        consensusRule(consensus); // fail early with the message below
    }

    /** A single survey (no rounds). */
    public StudySpec(String projectId, @Nullable String title, @Nullable String groupField, OutcomeSelection outcomes,
                     DomainSource domains, List<String> demographicFields, String consensus,
                     @Nullable String event, @Nullable Integer repeatInstance, @Nullable String excludedRecord) {
        this(projectId, title, groupField, outcomes, domains, demographicFields, consensus, event, repeatInstance,
                excludedRecord, RoundSource.none());
    }

    public static StudySpec of(ProjectConfiguration project) {
        return new StudySpec(project.id(), project.title(), project.groupField(), project.outcomeSelection(),
                project.domains(), project.demographicFields(), project.consensus(), project.event(),
                project.repeatInstance(), project.publish().excludedStudyRecord(), project.roundSource());
    }

    /** True when the group field is to be found by its {@code @CONCORD-GROUP} action tag. */
    public boolean groupFieldByTag() {
        return groupField == null || groupField.isBlank();
    }

    public StudySpec withGroupField(String field) {
        return new StudySpec(projectId, title, field, outcomes, domains, demographicFields, consensus, event,
                repeatInstance, excludedRecord, rounds);
    }

    public StudySpec withRounds(RoundSource newRounds) {
        return new StudySpec(projectId, title, groupField, outcomes, domains, demographicFields, consensus, event,
                repeatInstance, excludedRecord, newRounds);
    }

    public ConsensusRule rule() {
        return consensusRule(consensus);
    }

    /**
     * Parses a consensus rule. {@code 80/15} is the reference study's "&gt; 80% and ≤ 15%";
     * {@code comet} is "≥ 70% and &lt; 15%"; explicit operators ({@code >=70/<15}) set strictness.
     */
    public static ConsensusRule consensusRule(String text) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("comet")) {
            return ConsensusRule.comet();
        }
        if (t.isEmpty() || t.equals("default") || t.equals("grade")) {
            return ConsensusRule.defaults();
        }
        Matcher m = RULE.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("Consensus rule '" + text + "' is not understood; write 80/15 "
                    + "(more than 80% in a band, at most 15% in the opposite band), comet (>=70/<15) or e.g. >=75/<=20");
        }
        boolean thresholdInclusive = ">=".equals(m.group(1));
        boolean limitInclusive = !"<".equals(m.group(3));
        return new ConsensusRule(Double.parseDouble(m.group(2)), thresholdInclusive,
                Double.parseDouble(m.group(4)), limitInclusive);
    }
}

package concord.analysis.report.internal;

import concord.analysis.Band;
import concord.analysis.CharacteristicSummary;
import concord.analysis.ParticipantCharacteristic;
import concord.analysis.Consensus;
import concord.analysis.GroupStatistics;
import concord.analysis.GroupSummary;
import concord.analysis.OutcomeResult;
import concord.analysis.StudyResult;
import concord.analysis.internal.Messages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Read-only derivations from a {@link StudyResult} that every report format shows the same way:
 * per-group statistics lookup, band headers, the consensus matrix and the domain summary.
 */
public final class ResultView {

    private final StudyResult result;
    private final ReportWords words;

    /** A view with English words. */
    public ResultView(StudyResult result) {
        this(result, Messages.english());
    }

    public ResultView(StudyResult result, Messages messages) {
        this.result = result;
        this.words = new ReportWords(result, messages);
    }

    public StudyResult result() {
        return result;
    }

    /** The words of the report's language. */
    public ReportWords words() {
        return words;
    }

    public List<GroupSummary> groups() {
        return result.groups();
    }

    /** The statistics of one group for one outcome; empty when the group gave no answers at all. */
    public Optional<GroupStatistics> stats(OutcomeResult outcome, GroupSummary group) {
        // The analyzer keys groups by label; the code is a fallback for hand-built results.
        GroupStatistics byLabel = outcome.groups().get(group.label());
        return Optional.ofNullable(byLabel != null ? byLabel : outcome.groups().get(group.code()));
    }

    /** One group's summary of a participant characteristic, looked up like {@link #stats}. */
    public Optional<CharacteristicSummary> characteristic(ParticipantCharacteristic characteristic, GroupSummary group) {
        CharacteristicSummary byLabel = characteristic.groups().get(group.label());
        return Optional.ofNullable(byLabel != null ? byLabel : characteristic.groups().get(group.code()));
    }

    /** "7–9" for the GRADE top band. */
    public String bandRange(Band band) {
        return result.scale().band(band).rangeText();
    }

    public static OptionalDouble bandPercent(GroupStatistics stats, Band band) {
        return switch (band) {
            case TOP -> stats.pctTop();
            case MIDDLE -> stats.pctMiddle();
            case BOTTOM -> stats.pctBottom();
        };
    }

    /** Bands in the paper's column order: top (critical) first. */
    public static List<Band> bandsTopFirst() {
        return List.of(Band.TOP, Band.MIDDLE, Band.BOTTOM);
    }

    public boolean critical(OutcomeResult outcome, GroupSummary group) {
        return stats(outcome, group).flatMap(GroupStatistics::consensus).filter(Consensus.CRITICAL::equals).isPresent();
    }

    /** "Mann–Whitney" for two groups, "Kruskal–Wallis" for more. */
    public String rankTestName() {
        return words.rankTestName();
    }

    /**
     * Outcomes by the set of groups that rate them critical. With two groups the keys are, in
     * order: both, only the first, only the second, neither. With more groups every occurring
     * pattern appears, from "all" to "none".
     */
    public List<ConsensusCell> consensusMatrix() {
        int k = groups().size();
        Map<List<Boolean>, List<OutcomeResult>> byPattern = new LinkedHashMap<>();
        for (List<Boolean> pattern : patterns(k)) {
            byPattern.put(pattern, new ArrayList<>());
        }
        for (OutcomeResult outcome : result.outcomes()) {
            List<Boolean> pattern = groups().stream().map(g -> critical(outcome, g)).toList();
            byPattern.get(pattern).add(outcome);
        }
        List<ConsensusCell> cells = new ArrayList<>();
        byPattern.forEach((pattern, outcomes) -> {
            if (k == 2 || !outcomes.isEmpty()) {
                cells.add(new ConsensusCell(pattern, describe(pattern), List.copyOf(outcomes)));
            }
        });
        return cells;
    }

    /** Per domain, in first-appearance order. Outcomes without a domain are under "(no domain)". */
    public List<DomainRow> domainSummary() {
        Map<String, List<OutcomeResult>> byDomain = new LinkedHashMap<>();
        for (OutcomeResult outcome : result.outcomes()) {
            String domain = outcome.outcome().domain().isBlank() ? words.text("domain.none") : outcome.outcome().domain();
            byDomain.computeIfAbsent(domain, d -> new ArrayList<>()).add(outcome);
        }
        List<DomainRow> rows = new ArrayList<>();
        byDomain.forEach((domain, outcomes) -> {
            List<Integer> critical = groups().stream()
                    .map(g -> (int) outcomes.stream().filter(o -> critical(o, g)).count()).toList();
            int differing = (int) outcomes.stream().filter(o -> o.comparison().differs()).count();
            rows.add(new DomainRow(domain, outcomes.size(), critical, differing));
        });
        return rows;
    }

    private String describe(List<Boolean> pattern) {
        long yes = pattern.stream().filter(b -> b).count();
        if (yes == pattern.size()) {
            return words.text(pattern.size() == 2 ? "consensus.both" : "consensus.all");
        }
        if (yes == 0) {
            return words.text(pattern.size() == 2 ? "consensus.neither" : "consensus.noGroup");
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < pattern.size(); i++) {
            if (pattern.get(i)) {
                names.add(groups().get(i).label());
            }
        }
        return words.format("consensus.only", "groups", String.join(words.text("list.and"), names));
    }

    /** All true/false patterns, most "true" first, then by group order. */
    private static List<List<Boolean>> patterns(int k) {
        List<List<Boolean>> all = new ArrayList<>();
        for (int yes = k; yes >= 0; yes--) {
            for (int mask = (1 << k) - 1; mask >= 0; mask--) {
                if (Integer.bitCount(mask) != yes) {
                    continue;
                }
                List<Boolean> pattern = new ArrayList<>();
                for (int i = 0; i < k; i++) {
                    pattern.add((mask & (1 << (k - 1 - i))) != 0);
                }
                all.add(List.copyOf(pattern));
            }
        }
        return all;
    }

    /** Outcomes rated critical by exactly the groups marked true in {@code pattern}. */
    public record ConsensusCell(List<Boolean> pattern, String label, List<OutcomeResult> outcomes) {
    }

    /** One domain: its outcome count, critical outcomes per group (group order), differing outcomes. */
    public record DomainRow(String domain, int outcomes, List<Integer> criticalPerGroup, int differing) {
    }
}

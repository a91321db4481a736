package concord.server.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import concord.analysis.AnalysisOptions;
import concord.analysis.DelphiAccumulator;
import concord.analysis.DelphiAnalyzer;
import concord.analysis.DelphiResult;
import concord.analysis.PairedHistogram;
import concord.analysis.Round;
import concord.analysis.RoundResult;
import concord.analysis.ScoreHistogram;
import concord.analysis.StabilityRule;
import concord.analysis.Study;
import concord.analysis.StudyResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rebuilds a Delphi result from its stored JSON for the dashboard: each round's counts, the paired
 * counts of consecutive rounds ({@code jointCounts}), the response patterns and the round-1 counts of
 * completers and drop-outs go back into a {@link DelphiAccumulator}, which is analysed again; the
 * participant characteristics of each round are taken as stored. {@link StoredResultReader} then
 * accepts the result only if it writes the stored bytes.
 */
final class StoredDelphiReader {

    private StoredDelphiReader() {
    }

    static StudyResult reanalyse(JsonNode root, Study study, AnalysisOptions options) {
        List<Round> rounds = new ArrayList<>();
        for (JsonNode r : root.required("rounds")) {
            rounds.add(new Round(r.required("number").asInt(), r.required("code").asText(), r.required("label").asText()));
        }
        DelphiAccumulator counts = new DelphiAccumulator(study, rounds);
        int started = 0;
        for (JsonNode r : root.required("rounds")) {
            int number = r.required("number").asInt();
            counts.addRound(number, StoredResultReader.ratings(r.required("result"), study));
            if (r.required("started").asBoolean()) {
                started |= 1 << (number - 1);
            }
        }
        int o = 0;
        for (JsonNode outcome : root.required("stability")) {
            for (int g = 0; g < study.groups().size(); g++) {
                JsonNode group = outcome.required("groups").required(study.groups().get(g).label());
                for (JsonNode change : group.required("changes")) {
                    counts.addPairs(change.required("fromRound").asInt(), o, g, pairs(study, change.required("jointCounts")));
                }
            }
            o++;
        }
        JsonNode attrition = root.required("attrition").required("groups");
        for (int g = 0; g < study.groups().size(); g++) {
            JsonNode group = attrition.get(g);
            for (JsonNode pattern : group.required("patterns")) {
                Set<Integer> answered = new LinkedHashSet<>();
                pattern.required("rounds").forEach(n -> answered.add(n.asInt()));
                counts.addResponsePattern(g, answered, pattern.required("participants").asLong());
            }
            // the comparisons keep round 1 of completers and drop-outs; one pattern of each restores them
            int index = 0;
            for (JsonNode comparison : group.required("comparisons")) {
                roundOne(counts, study, g, index, started, comparison.required("completers"));
                roundOne(counts, study, g, index, 1, comparison.required("dropouts"));
                index++;
            }
        }
        JsonNode r = root.required("delphi").required("stabilityRule");
        StabilityRule rule = new StabilityRule(r.required("alpha").asDouble(), r.required("changedBandPercent").asDouble(),
                r.required("changedBandInclusive").asBoolean(), r.required("requireUnchangedConsensus").asBoolean());
        StudyResult analysed = DelphiAnalyzer.withDefaults().with(options).with(rule).analyze(counts);
        DelphiResult delphi = analysed.delphi().orElseThrow();
        List<RoundResult> withCharacteristics = new ArrayList<>();
        for (int i = 0; i < delphi.rounds().size(); i++) {
            RoundResult round = delphi.rounds().get(i);
            withCharacteristics.add(new RoundResult(round.round(), round.started(), StoredResultReader.withStoredCharacteristics(
                    round.result(), root.required("rounds").get(i).required("result"))));
        }
        DelphiResult restored = new DelphiResult(withCharacteristics, delphi.stability(), delphi.attrition(), delphi.rule(),
                delphi.advice(), delphi.methods());
        return StoredResultReader.withStoredCharacteristics(analysed, root).withDelphi(restored);
    }

    private static PairedHistogram pairs(Study study, JsonNode rows) {
        int points = study.scale().points();
        if (rows.size() != points) {
            throw new IllegalArgumentException("paired counts have " + rows.size() + " rows for a " + points + "-point scale");
        }
        long[][] c = new long[points][points];
        for (int i = 0; i < points; i++) {
            for (int j = 0; j < points; j++) {
                c[i][j] = rows.get(i).get(j).asLong();
            }
        }
        return new PairedHistogram(study.scale(), c);
    }

    private static void roundOne(DelphiAccumulator counts, Study study, int group, int outcome, int mask, JsonNode stored) {
        ScoreHistogram h = StoredResultReader.histogram(study.scale(), stored, "round-1 counts of " + study.outcomes().get(outcome).field());
        if ((mask & 1) == 0 || h.n() + h.missing() == 0) {
            return;
        }
        Set<Integer> answered = new LinkedHashSet<>();
        for (int r = 0; r < DelphiAccumulator.MAX_ROUNDS; r++) {
            if ((mask & (1 << r)) != 0) {
                answered.add(r + 1);
            }
        }
        counts.addRoundOne(group, outcome, answered, h);
    }
}

package concord.server.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import concord.analysis.AnalysisOptions;
import concord.analysis.CategoryCount;
import concord.analysis.CharacteristicSummary;
import concord.analysis.ConsensusRule;
import concord.analysis.DemographicVariable;
import concord.analysis.Outcome;
import concord.analysis.PairwiseCorrection;
import concord.analysis.ParticipantCharacteristic;
import concord.analysis.RatingAccumulator;
import concord.analysis.RatingScale;
import concord.analysis.ScoreBand;
import concord.analysis.ScoreHistogram;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Turns a run's stored {@code result.json} back into a {@link StudyResult} for the dashboard.
 *
 * <p>Statistics come from histograms (design principle 1), and the JSON keeps every outcome's
 * per-group score counts, the groups, scale, rule and options: the study is re-analysed from those
 * counts, and participant characteristics (not derivable from ratings) are read as stored. The
 * result is only accepted if it renders to exactly the stored bytes, so the dashboard can never show
 * numbers that differ from the published report. A Delphi result is rebuilt from its stored round,
 * pair and response-pattern counts ({@link StoredDelphiReader}).
 */
public final class StoredResultReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredResultReader() {
    }

    /** @throws StoredResultException when the JSON is not a Concord result or does not reproduce */
    public static StudyResult read(byte[] storedJson) {
        String text = new String(storedJson, StandardCharsets.UTF_8);
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (IOException e) {
            throw new StoredResultException("the stored result.json is not valid JSON (" + e.getMessage() + ")");
        }
        StudyResult result;
        try {
            result = reanalyse(root);
        } catch (RuntimeException e) {
            throw new StoredResultException("the stored result.json does not describe a Concord study result: " + e.getMessage());
        }
        if (!StudyResultJson.write(result).equals(text)) {
            throw new StoredResultException("re-analysing the stored counts did not reproduce the stored result.json "
                    + "(it was written by a different Concord version); download the reports instead or start a new run");
        }
        return result;
    }

    private static StudyResult reanalyse(JsonNode root) {
        Study study = study(root);
        AnalysisOptions options = options(root.required("options"));
        if (root.has("rounds")) {
            return StoredJointDisplay.attach(root, StoredDelphiReader.reanalyse(root, study, options));
        }
        StudyResult analysed = StudyAnalyzer.withDefaults().with(options).analyze(ratings(root, study));
        return StoredJointDisplay.attach(root, withStoredCharacteristics(analysed, root));
    }

    /** The analysed result with the characteristics as stored (they are not derivable from the ratings). */
    static StudyResult withStoredCharacteristics(StudyResult analysed, JsonNode stored) {
        return new StudyResult(analysed.title(), analysed.groups(), analysed.outcomes(),
                characteristics(stored.required("participantCharacteristics")), analysed.scale(),
                analysed.consensusRule(), analysed.options(), analysed.methods());
    }

    static AnalysisOptions options(JsonNode o) {
        return new AnalysisOptions(o.required("alpha").asDouble(),
                PairwiseCorrection.valueOf(o.required("pairwiseCorrection").asText().toUpperCase(Locale.ROOT)),
                o.required("exactMannWhitneyMaxN").asInt(), o.required("fisherEnumerationLimit").asLong(),
                // absent from results written before the network algorithm: those then fail the byte check below
                o.path("fisherNetworkLimit").asLong(AnalysisOptions.defaults().fisherNetworkLimit()),
                o.required("fisherMonteCarloSamples").asInt(), o.required("fisherMonteCarloSeed").asLong(),
                o.required("fisherMonteCarloMaxN").asLong());
    }

    /** The study: title, outcomes, groups, scale and rule of a result's JSON (no characteristics). */
    static Study study(JsonNode root) {
        RatingScale scale = scale(root.required("scale"));
        JsonNode ruleNode = root.required("consensusRule");
        ConsensusRule rule = new ConsensusRule(ruleNode.required("thresholdPercent").asDouble(),
                ruleNode.required("thresholdInclusive").asBoolean(), ruleNode.required("limitPercent").asDouble(),
                ruleNode.required("limitInclusive").asBoolean());
        List<StakeholderGroup> groups = new ArrayList<>();
        for (JsonNode g : root.required("groups")) {
            groups.add(new StakeholderGroup(g.required("code").asText(), g.required("label").asText()));
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (JsonNode outcome : root.required("outcomes")) {
            outcomes.add(new Outcome(outcome.required("field").asText(), outcome.required("label").asText(),
                    outcome.required("domain").asText()));
        }
        return new Study(root.required("title").asText(), outcomes, groups, scale, rule, List.of());
    }

    /** The participants per group and the score counts per outcome and group of one result's JSON. */
    static RatingAccumulator ratings(JsonNode result, Study study) {
        RatingScale scale = study.scale();
        List<StakeholderGroup> groups = study.groups();
        RatingAccumulator ratings = new RatingAccumulator(study);
        JsonNode groupNodes = result.required("groups");
        for (int g = 0; g < groups.size(); g++) {
            ratings.addParticipants(g, groupNodes.get(g).required("n").asLong());
        }
        int index = 0;
        for (JsonNode outcome : result.required("outcomes")) {
            JsonNode perGroup = outcome.required("groups");
            for (int g = 0; g < groups.size(); g++) {
                JsonNode stats = perGroup.get(groups.get(g).label());
                if (stats == null) {
                    continue;
                }
                ratings.add(g, index, histogram(scale, stats, "outcome " + study.outcomes().get(index).field()));
            }
            index++;
        }
        return ratings;
    }

    /** A score histogram stored as {@code counts} and {@code missing}. */
    static ScoreHistogram histogram(RatingScale scale, JsonNode stats, String what) {
        long[] counts = new long[scale.points()];
        JsonNode countNode = stats.required("counts");
        if (countNode.size() != counts.length) {
            throw new IllegalArgumentException(what + " has " + countNode.size() + " counts for a " + counts.length + "-point scale");
        }
        for (int s = 0; s < counts.length; s++) {
            counts[s] = countNode.get(s).asLong();
        }
        return new ScoreHistogram(scale, counts, stats.required("missing").asLong());
    }

    private static RatingScale scale(JsonNode node) {
        JsonNode bands = node.required("bands");
        return new RatingScale(node.required("min").asInt(), node.required("max").asInt(), band(bands.required("bottom")),
                band(bands.required("middle")), band(bands.required("top")));
    }

    private static ScoreBand band(JsonNode node) {
        return new ScoreBand(node.required("label").asText(), node.required("from").asInt(), node.required("to").asInt());
    }

    private static List<ParticipantCharacteristic> characteristics(JsonNode array) {
        List<ParticipantCharacteristic> out = new ArrayList<>();
        for (JsonNode c : array) {
            boolean continuous = c.required("kind").asText().equals("continuous");
            Map<String, CharacteristicSummary> byGroup = new LinkedHashMap<>();
            Map<String, String> choices = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> groups = c.required("groups").fields();
            while (groups.hasNext()) {
                Map.Entry<String, JsonNode> e = groups.next();
                JsonNode s = e.getValue();
                List<CategoryCount> categories = new ArrayList<>();
                if (!continuous) {
                    for (JsonNode cc : s.required("categories")) {
                        categories.add(new CategoryCount(cc.required("code").asText(), cc.required("label").asText(),
                                cc.required("n").asLong(), number(cc, "percent")));
                        choices.putIfAbsent(cc.required("code").asText(), cc.required("label").asText());
                    }
                }
                byGroup.put(e.getKey(), new CharacteristicSummary(s.required("n").asLong(), s.required("missing").asLong(),
                        number(s, "mean"), number(s, "sd"), number(s, "median"), number(s, "min"), number(s, "max"),
                        categories, reasons(s.required("notComputable"))));
            }
            String field = c.required("field").asText();
            String label = c.required("label").asText();
            DemographicVariable variable = continuous ? DemographicVariable.continuous(field, label)
                    : DemographicVariable.categorical(field, label, choices.isEmpty() ? Map.of("?", "?") : choices);
            out.add(new ParticipantCharacteristic(variable, byGroup));
        }
        return out;
    }

    private static OptionalDouble number(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? OptionalDouble.empty() : OptionalDouble.of(value.asDouble());
    }

    private static Map<String, String> reasons(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}

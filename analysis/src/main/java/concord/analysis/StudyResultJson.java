package concord.analysis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Renders a {@link StudyResult} as JSON with stable field names (documented in docs/analysis.md).
 * Output is deterministic: fields in a fixed order, maps in study order, "\n" line breaks and
 * shortest round-trip number formatting, so equal results give byte-identical JSON. Values that
 * could not be computed are {@code null} and the enclosing object's {@code notComputable} says why.
 */
public final class StudyResultJson {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private StudyResultJson() {
    }

    /** The result as pretty-printed JSON text ending in a newline. */
    public static String write(StudyResult result) {
        StringWriter out = new StringWriter();
        write(result, out);
        return out.toString();
    }

    /** Writes the result as pretty-printed JSON to {@code out} (not closed). */
    public static void write(StudyResult result, Writer out) {
        try (JsonGenerator json = FACTORY.createGenerator(out)) {
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
            json.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(indenter).withArrayIndenter(indenter));
            new StudyResultJson.Emitter(json).study(result);
            json.flush();
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the analysis result as JSON", e);
        }
    }

    /** Writes the objects; shared with {@link DelphiJson}, which writes a Delphi study's rounds. */
    record Emitter(JsonGenerator json) {

        void study(StudyResult r) throws IOException {
            json.writeStartObject();
            json.writeStringField("title", r.title());
            scale(r.scale());
            rule(r.consensusRule(), r.scale());
            options(r.options());
            json.writeArrayFieldStart("groups");
            for (GroupSummary g : r.groups()) {
                json.writeStartObject();
                json.writeStringField("code", g.code());
                json.writeStringField("label", g.label());
                json.writeNumberField("n", g.n());
                json.writeEndObject();
            }
            json.writeEndArray();
            summary(r.summary());
            json.writeArrayFieldStart("outcomes");
            for (OutcomeResult o : r.outcomes()) {
                outcome(o);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("participantCharacteristics");
            for (ParticipantCharacteristic c : r.participantCharacteristics()) {
                new CharacteristicJson(this).write(c);
            }
            json.writeEndArray();
            strings("methods", r.methods());
            if (r.jointDisplay().isPresent()) { // only with coded quotes, so results without them keep their bytes
                new JointDisplayJson(this).write(r.jointDisplay().get());
            }
            if (r.delphi().isPresent()) {
                new DelphiJson(this).write(r.delphi().get());
            }
            json.writeEndObject();
        }

        void summary(StudySummary s) throws IOException {
            json.writeObjectFieldStart("summary");
            json.writeNumberField("outcomes", s.outcomes());
            counts("criticalByGroup", s.criticalByGroup());
            counts("notImportantByGroup", s.notImportantByGroup());
            json.writeNumberField("criticalInAllGroups", s.criticalInAllGroups());
            json.writeNumberField("differing", s.differing());
            json.writeNumberField("differingByRankTest", s.differingByRankTest());
            json.writeNumberField("differingByChiSquareOnly", s.differingByChiSquareOnly());
            json.writeNumberField("differingByConsensusOnly", s.differingByConsensusOnly());
            json.writeEndObject();
        }

        void counts(String field, Map<String, Long> counts) throws IOException {
            json.writeObjectFieldStart(field);
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                json.writeNumberField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
        }

        void scale(RatingScale s) throws IOException {
            json.writeObjectFieldStart("scale");
            json.writeNumberField("min", s.min());
            json.writeNumberField("max", s.max());
            json.writeObjectFieldStart("bands");
            for (Band b : List.of(Band.BOTTOM, Band.MIDDLE, Band.TOP)) {
                ScoreBand band = s.band(b);
                json.writeObjectFieldStart(code(b));
                json.writeStringField("label", band.label());
                json.writeNumberField("from", band.from());
                json.writeNumberField("to", band.to());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeEndObject();
        }

        void rule(ConsensusRule rule, RatingScale scale) throws IOException {
            json.writeObjectFieldStart("consensusRule");
            json.writeNumberField("thresholdPercent", rule.thresholdPercent());
            json.writeBooleanField("thresholdInclusive", rule.thresholdInclusive());
            json.writeNumberField("limitPercent", rule.limitPercent());
            json.writeBooleanField("limitInclusive", rule.limitInclusive());
            json.writeStringField("description", rule.describe(scale));
            json.writeEndObject();
        }

        void options(AnalysisOptions o) throws IOException {
            json.writeObjectFieldStart("options");
            json.writeNumberField("alpha", o.alpha());
            json.writeStringField("pairwiseCorrection", o.pairwiseCorrection().name().toLowerCase(Locale.ROOT));
            json.writeNumberField("exactMannWhitneyMaxN", o.exactMannWhitneyMaxN());
            json.writeNumberField("fisherEnumerationLimit", o.fisherEnumerationLimit());
            json.writeNumberField("fisherNetworkLimit", o.fisherNetworkLimit());
            json.writeNumberField("fisherMonteCarloSamples", o.fisherMonteCarloSamples());
            json.writeNumberField("fisherMonteCarloSeed", o.fisherMonteCarloSeed());
            json.writeNumberField("fisherMonteCarloMaxN", o.fisherMonteCarloMaxN());
            json.writeEndObject();
        }

        void outcome(OutcomeResult o) throws IOException {
            json.writeStartObject();
            json.writeStringField("field", o.outcome().field());
            json.writeStringField("label", o.outcome().label());
            json.writeStringField("domain", o.outcome().domain());
            json.writeObjectFieldStart("groups");
            for (Map.Entry<String, GroupStatistics> e : o.groups().entrySet()) {
                json.writeFieldName(e.getKey());
                groupStatistics(e.getValue());
            }
            json.writeEndObject();
            comparison(o.comparison());
            json.writeEndObject();
        }

        void groupStatistics(GroupStatistics g) throws IOException {
            json.writeStartObject();
            json.writeNumberField("n", g.n());
            json.writeNumberField("missing", g.missing());
            json.writeArrayFieldStart("counts");
            for (long c : g.counts()) {
                json.writeNumber(c);
            }
            json.writeEndArray();
            number("pctTop", g.pctTop());
            number("pctMiddle", g.pctMiddle());
            number("pctBottom", g.pctBottom());
            number("mean", g.mean());
            number("sd", g.sd());
            number("median", g.median());
            number("q1", g.q1());
            number("q3", g.q3());
            json.writeFieldName("consensus");
            if (g.consensus().isPresent()) {
                json.writeString(g.consensus().get().code());
            } else {
                json.writeNull();
            }
            reasons(g.notComputable());
            json.writeEndObject();
        }

        void comparison(OutcomeComparison c) throws IOException {
            json.writeObjectFieldStart("comparison");
            strings("groupsCompared", c.groupsCompared());
            chiSquare(c.chiSquare());
            Optional<FisherExactResult> fisher = c.fisherExact();
            number("fisherExactP", fisher.map(f -> OptionalDouble.of(f.p())).orElse(OptionalDouble.empty()));
            json.writeFieldName("fisherExactMethod");
            if (fisher.isPresent()) {
                json.writeString(fisher.get().exact() ? "exact" : "monte_carlo");
            } else {
                json.writeNull();
            }
            json.writeFieldName("fisherExactAlgorithm");
            if (fisher.isPresent()) {
                json.writeString(fisher.get().method().key());
            } else {
                json.writeNull();
            }
            json.writeFieldName("fisherExactDetail");
            if (fisher.isPresent()) {
                json.writeString(fisher.get().methodDescription());
            } else {
                json.writeNull();
            }
            json.writeFieldName("fisherExactMonteCarlo");
            if (fisher.isPresent() && !fisher.get().exact()) {
                FisherExactResult f = fisher.get();
                json.writeStartObject();
                json.writeNumberField("samples", f.count());
                json.writeNumberField("seed", f.seed());
                json.writeNumberField("confidenceLevel", FisherExactResult.CONFIDENCE_LEVEL);
                json.writeNumberField("lower", f.lower());
                json.writeNumberField("upper", f.upper());
                json.writeStringField("why", f.why());
                json.writeEndObject();
            } else {
                json.writeNull();
            }
            json.writeFieldName("mannWhitney");
            if (c.mannWhitney().isPresent()) {
                json.writeStartObject();
                mannWhitneyFields(c.mannWhitney().get());
                json.writeEndObject();
            } else {
                json.writeNull();
            }
            json.writeFieldName("kruskalWallis");
            if (c.kruskalWallis().isPresent()) {
                kruskalWallis(c.kruskalWallis().get());
            } else {
                json.writeNull();
            }
            json.writeFieldName("effectSizes");
            effectSizes(c.effectSizes());
            json.writeObjectFieldStart("qValues");
            number("chiSquare", c.qValues().chiSquare());
            number("fisherExact", c.qValues().fisherExact());
            number("rankTest", c.qValues().rankTest());
            json.writeEndObject();
            json.writeBooleanField("differs", c.differs());
            strings("reasons", c.reasons());
            reasons(c.notComputable());
            json.writeEndObject();
        }

        void chiSquare(Optional<ChiSquareResult> result) throws IOException {
            json.writeFieldName("chiSquare");
            if (result.isEmpty()) {
                json.writeNull();
                return;
            }
            ChiSquareResult x = result.get();
            json.writeStartObject();
            json.writeNumberField("statistic", x.statistic());
            json.writeNumberField("df", x.df());
            json.writeNumberField("p", x.p());
            json.writeNumberField("cellsExpectedBelow5", x.cellsExpectedBelow5());
            json.writeNumberField("pctCellsExpectedBelow5", x.pctCellsExpectedBelow5());
            json.writeNumberField("minExpected", x.minExpected());
            json.writeNumberField("cramersV", x.cramersV());
            strings("rows", x.rows());
            strings("bands", x.bands().stream().map(Emitter::code).toList());
            chiSquareRow("likelihoodRatio", x.likelihoodRatio());
            chiSquareRow("continuityCorrection", x.continuityCorrection());
            chiSquareRow("linearByLinear", x.linearByLinear());
            json.writeEndObject();
        }

        void chiSquareRow(String field, Optional<ChiSquareStatistic> row) throws IOException {
            json.writeFieldName(field);
            if (row.isEmpty()) {
                json.writeNull();
                return;
            }
            json.writeStartObject();
            json.writeNumberField("statistic", row.get().statistic());
            json.writeNumberField("df", row.get().df());
            json.writeNumberField("p", row.get().p());
            json.writeEndObject();
        }

        void mannWhitneyFields(MannWhitneyResult m) throws IOException {
            json.writeStringField("groupA", m.groupA());
            json.writeStringField("groupB", m.groupB());
            json.writeNumberField("nA", m.nA());
            json.writeNumberField("nB", m.nB());
            json.writeNumberField("rankSumA", m.rankSumA());
            json.writeNumberField("rankSumB", m.rankSumB());
            json.writeNumberField("meanRankA", m.meanRankA());
            json.writeNumberField("meanRankB", m.meanRankB());
            json.writeNumberField("u", m.u());
            json.writeNumberField("w", m.w());
            json.writeNumberField("z", m.z());
            json.writeNumberField("p", m.p());
            number("exactP", m.exactP());
        }

        void kruskalWallis(KruskalWallisResult k) throws IOException {
            json.writeStartObject();
            json.writeNumberField("h", k.h());
            json.writeNumberField("df", k.df());
            json.writeNumberField("p", k.p());
            json.writeStringField("correction", k.correction().name().toLowerCase(Locale.ROOT));
            json.writeArrayFieldStart("pairwise");
            for (PairwiseComparison pc : k.pairwise()) {
                json.writeStartObject();
                mannWhitneyFields(pc.mannWhitney());
                json.writeNumberField("adjustedP", pc.adjustedP());
                json.writeFieldName("effectSizes");
                effectSizes(pc.effectSizes());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }

        void effectSizes(EffectSizes e) throws IOException {
            json.writeStartObject();
            number("r", e.r());
            number("cliffsDelta", e.cliffsDelta());
            number("hodgesLehmann", e.hodgesLehmann());
            number("cramersV", e.cramersV());
            json.writeEndObject();
        }

        void number(String field, OptionalDouble value) throws IOException {
            json.writeFieldName(field);
            if (value.isPresent()) {
                json.writeNumber(value.getAsDouble());
            } else {
                json.writeNull();
            }
        }

        void strings(String field, List<String> values) throws IOException {
            json.writeArrayFieldStart(field);
            for (String v : values) {
                json.writeString(v);
            }
            json.writeEndArray();
        }

        void reasons(Map<String, String> reasons) throws IOException {
            json.writeObjectFieldStart("notComputable");
            for (Map.Entry<String, String> e : reasons.entrySet()) {
                json.writeStringField(e.getKey(), e.getValue());
            }
            json.writeEndObject();
        }

        static String code(Band band) {
            return band.name().toLowerCase(Locale.ROOT);
        }
    }
}

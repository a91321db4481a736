package concord.analysis;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * Writes the rounds sections of a Delphi study's JSON ({@code rounds}, {@code stability},
 * {@code attrition}, {@code delphi}) after the latest round's fields; docs/analysis.md documents
 * them. Arrays of counts are written on one line each, as they are many.
 */
final class DelphiJson {

    private final StudyResultJson.Emitter emitter;
    private final JsonGenerator json;

    DelphiJson(StudyResultJson.Emitter emitter) {
        this.emitter = emitter;
        this.json = emitter.json();
    }

    void write(DelphiResult d) throws IOException {
        json.writeArrayFieldStart("rounds");
        for (RoundResult r : d.rounds()) {
            json.writeStartObject();
            json.writeNumberField("number", r.round().number());
            json.writeStringField("code", r.round().code());
            json.writeStringField("label", r.round().label());
            json.writeBooleanField("started", r.started());
            json.writeFieldName("result");
            emitter.study(r.result());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("stability");
        for (OutcomeStability o : d.stability()) {
            json.writeStartObject();
            json.writeStringField("field", o.outcome().field());
            json.writeStringField("label", o.outcome().label());
            json.writeStringField("domain", o.outcome().domain());
            json.writeObjectFieldStart("groups");
            for (Map.Entry<String, GroupStability> g : o.groups().entrySet()) {
                json.writeFieldName(g.getKey());
                group(g.getValue());
            }
            json.writeEndObject();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("attrition");
        json.writeArrayFieldStart("groups");
        for (GroupAttrition g : d.attrition().groups()) {
            attrition(g);
        }
        json.writeEndArray();
        json.writeFieldName("all");
        attrition(d.attrition().all());
        json.writeEndObject();
        json.writeObjectFieldStart("delphi");
        StabilityRule rule = d.rule();
        json.writeObjectFieldStart("stabilityRule");
        json.writeNumberField("alpha", rule.alpha());
        json.writeNumberField("changedBandPercent", rule.changedBandPercent());
        json.writeBooleanField("changedBandInclusive", rule.changedBandInclusive());
        json.writeBooleanField("requireUnchangedConsensus", rule.requireUnchangedConsensus());
        json.writeStringField("description", rule.describe());
        json.writeEndObject();
        StoppingAdvice a = d.advice();
        json.writeObjectFieldStart("advice");
        json.writeStringField("decision", a.decision().code());
        json.writeNumberField("lastRound", a.lastRound());
        json.writeNumberField("plannedRounds", a.plannedRounds());
        json.writeNumberField("stable", a.stable());
        json.writeNumberField("unstable", a.unstable());
        json.writeNumberField("notJudged", a.notJudged());
        json.writeStringField("text", a.text());
        json.writeEndObject();
        emitter.strings("methods", d.methods());
        json.writeEndObject();
    }

    private void group(GroupStability g) throws IOException {
        json.writeStartObject();
        json.writeArrayFieldStart("consensusByRound");
        for (Optional<Consensus> c : g.consensusByRound()) {
            if (c.isPresent()) {
                json.writeString(c.get().code());
            } else {
                json.writeNull();
            }
        }
        json.writeEndArray();
        json.writeFieldName("consensusReachedInRound");
        if (g.consensusReachedInRound().isPresent()) {
            json.writeNumber(g.consensusReachedInRound().getAsInt());
        } else {
            json.writeNull();
        }
        bool("stable", g.stable());
        json.writeArrayFieldStart("changes");
        for (RoundChange c : g.changes()) {
            change(c);
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void change(RoundChange c) throws IOException {
        json.writeStartObject();
        json.writeNumberField("fromRound", c.fromRound());
        json.writeNumberField("toRound", c.toRound());
        json.writeNumberField("pairs", c.pairs().n());
        json.writeArrayFieldStart("jointCounts");
        for (long[] row : c.pairs().counts()) {
            json.writeRawValue(line(row));
        }
        json.writeEndArray();
        json.writeFieldName("wilcoxon");
        if (c.wilcoxon().isPresent()) {
            WilcoxonSignedRankResult w = c.wilcoxon().get();
            json.writeStartObject();
            json.writeNumberField("pairs", w.pairs());
            json.writeNumberField("negativeRanks", w.negative());
            json.writeNumberField("positiveRanks", w.positive());
            json.writeNumberField("ties", w.ties());
            json.writeNumberField("negativeRankSum", w.negativeRankSum());
            json.writeNumberField("positiveRankSum", w.positiveRankSum());
            emitter.number("meanRankNegative", w.meanRankNegative());
            emitter.number("meanRankPositive", w.meanRankPositive());
            json.writeNumberField("z", w.z());
            json.writeNumberField("p", w.p());
            json.writeStringField("basedOn", w.basedOn().code());
            json.writeEndObject();
        } else {
            json.writeNull();
        }
        emitter.number("pctChangedBand", c.pctChangedBand());
        emitter.number("pctMovedUp", c.pctMovedUp());
        emitter.number("pctMovedDown", c.pctMovedDown());
        emitter.chiSquare(c.chiSquare());
        emitter.number("iqrFrom", c.iqrFrom());
        emitter.number("iqrTo", c.iqrTo());
        emitter.number("iqrChange", c.iqrChange());
        bool("stable", c.stable());
        emitter.strings("reasons", c.reasons());
        emitter.reasons(c.notComputable());
        json.writeEndObject();
    }

    private void attrition(GroupAttrition g) throws IOException {
        json.writeStartObject();
        json.writeFieldName("group");
        if (g.group().isPresent()) {
            json.writeString(g.group().get());
        } else {
            json.writeNull();
        }
        json.writeNumberField("panel", g.panel());
        json.writeNumberField("completers", g.completers());
        json.writeNumberField("dropouts", g.dropouts());
        json.writeArrayFieldStart("rounds");
        for (RoundResponse r : g.rounds()) {
            json.writeStartObject();
            json.writeNumberField("round", r.round());
            json.writeNumberField("respondents", r.respondents());
            emitter.number("pctOfPanel", r.pctOfPanel());
            emitter.number("pctOfFirstRound", r.pctOfFirstRound());
            emitter.number("pctOfPrevious", r.pctOfPrevious());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("patterns");
        for (Map.Entry<String, Long> p : g.patterns().entrySet()) {
            json.writeStartObject();
            json.writeFieldName("rounds");
            json.writeRawValue("[" + p.getKey().replace(",", ", ") + "]");
            json.writeNumberField("participants", p.getValue());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("comparisons");
        for (DropoutComparison c : g.comparisons()) {
            json.writeStartObject();
            json.writeStringField("field", c.outcome().field());
            json.writeStringField("label", c.outcome().label());
            histogram("completers", c.completers());
            histogram("dropouts", c.dropouts());
            json.writeFieldName("mannWhitney");
            if (c.mannWhitney().isPresent()) {
                json.writeStartObject();
                emitter.mannWhitneyFields(c.mannWhitney().get());
                json.writeEndObject();
            } else {
                json.writeNull();
            }
            emitter.number("q", c.q());
            json.writeBooleanField("flagged", c.flagged());
            emitter.reasons(c.notComputable());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private void histogram(String field, ScoreHistogram h) throws IOException {
        json.writeObjectFieldStart(field);
        json.writeNumberField("n", h.n());
        json.writeNumberField("missing", h.missing());
        json.writeFieldName("counts");
        json.writeRawValue(line(h.counts()));
        json.writeEndObject();
    }

    private void bool(String field, Optional<Boolean> value) throws IOException {
        json.writeFieldName(field);
        if (value.isPresent()) {
            json.writeBoolean(value.get());
        } else {
            json.writeNull();
        }
    }

    private static String line(long[] values) {
        StringJoiner s = new StringJoiner(", ", "[", "]");
        for (long v : values) {
            s.add(Long.toString(v));
        }
        return s.toString();
    }
}

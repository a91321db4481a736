package concord.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;

/** One participant characteristic of a result's JSON ({@code participantCharacteristics}, docs/analysis.md). */
final class CharacteristicJson {

    private final StudyResultJson.Emitter emitter;
    private final JsonGenerator json;

    CharacteristicJson(StudyResultJson.Emitter emitter) {
        this.emitter = emitter;
        this.json = emitter.json();
    }

    void write(ParticipantCharacteristic c) throws IOException {
        json.writeStartObject();
        json.writeStringField("field", c.variable().field());
        json.writeStringField("label", c.variable().label());
        json.writeStringField("kind", c.variable().kind().name().toLowerCase(Locale.ROOT));
        json.writeObjectFieldStart("groups");
        for (Map.Entry<String, CharacteristicSummary> e : c.groups().entrySet()) {
            CharacteristicSummary s = e.getValue();
            json.writeObjectFieldStart(e.getKey());
            json.writeNumberField("n", s.n());
            json.writeNumberField("missing", s.missing());
            if (c.variable().kind() == DemographicVariable.Kind.CONTINUOUS) {
                emitter.number("mean", s.mean());
                emitter.number("sd", s.sd());
                emitter.number("median", s.median());
                emitter.number("min", s.min());
                emitter.number("max", s.max());
            } else {
                json.writeArrayFieldStart("categories");
                for (CategoryCount cc : s.categories()) {
                    json.writeStartObject();
                    json.writeStringField("code", cc.code());
                    json.writeStringField("label", cc.label());
                    json.writeNumberField("n", cc.n());
                    emitter.number("percent", cc.percent());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            emitter.reasons(s.notComputable());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}

package concord.analysis;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The {@code jointDisplay} section of a result's JSON (docs/analysis.md, "The joint display"). */
final class JointDisplayJson {

    private final StudyResultJson.Emitter emitter;
    private final JsonGenerator json;

    JointDisplayJson(StudyResultJson.Emitter emitter) {
        this.emitter = emitter;
        this.json = emitter.json();
    }

    void write(JointDisplay d) throws IOException {
        json.writeObjectFieldStart("jointDisplay");
        json.writeArrayFieldStart("rows");
        for (JointDisplayRow row : d.rows()) {
            json.writeStartObject();
            json.writeStringField("field", row.outcome().field());
            json.writeStringField("label", row.outcome().label());
            json.writeStringField("domain", row.outcome().domain());
            json.writeStringField("coreArea", row.coreArea());
            json.writeBooleanField("differs", row.differs());
            json.writeObjectFieldStart("groups");
            for (JointDisplayGroup g : row.groups()) {
                json.writeObjectFieldStart(g.label());
                json.writeNumberField("n", g.n());
                emitter.number("pctTop", g.pctTop());
                emitter.number("mean", g.mean());
                emitter.number("sd", g.sd());
                json.writeBooleanField("higher", g.higher());
                json.writeEndObject();
            }
            json.writeEndObject();
            json.writeArrayFieldStart("themes");
            for (JointDisplayTheme theme : row.themes()) {
                json.writeStartObject();
                json.writeStringField("theme", theme.theme());
                json.writeArrayFieldStart("quotes");
                for (JointDisplayQuote q : theme.quotes()) {
                    json.writeStartObject();
                    json.writeStringField("speaker", q.speaker());
                    json.writeStringField("group", q.groupCode());
                    json.writeStringField("groupLabel", q.groupLabel());
                    json.writeStringField("text", q.text());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("withoutQualitativeData");
        for (OutcomeResult o : d.withoutQualitativeData()) {
            json.writeStartObject();
            json.writeStringField("field", o.outcome().field());
            json.writeStringField("label", o.outcome().label());
            json.writeBooleanField("differs", o.comparison().differs());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}

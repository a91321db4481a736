package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** {@link RedcapSandbox#replaceDataDictionary}: values follow their field names; a removed field's values go. */
class DictionaryReplaceTest {
    static RedcapSandbox sandbox = RedcapSandbox.builder().build().start();
    static final String HEADER = "field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,"
            + "field_note,text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,"
            + "branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation\n";

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void valuesFollowTheirFieldsAndLabelsChange() throws Exception {
        int pid = sandbox.addProject(SandboxProject.fromDictionaryCsv("Replace",
                HEADER + "record_id,f,,text,Record ID,,,,,,,,,,,,,\ngrp,f,,radio,Group,\"1, A | 2, B\",,,,,,,,,,,,\n"
                        + "score,f,,text,Score,,,integer,,,,,,,,,,\n",
                "record_id,grp,score,f_complete\n1,2,7,2\n"));
        String token = sandbox.createToken(pid, SandboxUser.withAllRights("designer"));
        // grp removed, a new field before score, score relabelled
        sandbox.replaceDataDictionary(pid, HEADER + "record_id,f,,text,Record ID,,,,,,,,,,,,,\n"
                + "note,f,,text,Note,,,,,,,,,,,,,\nscore,f,,text,<b>New</b> score,,,integer,,,,,,,,,,\n");
        Map<String, String> values = sandbox.project(pid).values("1");
        assertEquals("7", values.get("score"));
        assertEquals("", values.getOrDefault("note", ""));
        assertEquals("2", values.get("f_complete"));
        assertFalse(values.containsKey("grp"), values.toString());
        HttpResponse<String> metadata = Http.post(sandbox.apiUrl(), "token", token, "content", "metadata", "format", "csv");
        assertEquals(200, metadata.statusCode(), metadata.body());
        assertFalse(metadata.body().contains("grp"), metadata.body());
        assertEquals(true, metadata.body().contains("<b>New</b> score"), metadata.body());
    }
}

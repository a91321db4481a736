package concord.connector;

import static concord.connector.support.MockRedcap.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import concord.connector.support.MockRedcap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RedcapClientImportTest {

    private final MockRedcap redcap = new MockRedcap();
    private final RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(redcap.apiUrl(), TOKEN),
            redcap.sleeps::add);

    @AfterEach
    void close() throws Exception {
        client.close();
        redcap.close();
    }

    private static List<Map<String, String>> rows() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("record_id", "1");
        row.put("weight_kg", "22");
        row.put("results_complete", "2");
        return List.of(row);
    }

    @Test
    void importSendsAJsonArrayAndReadsTheCount() throws Exception {
        redcap.json("{\"count\": 1}");
        assertEquals(new ImportResult(1, List.of()), client.importRecords(rows()));
        Map<String, String> form = redcap.takeForm();
        assertEquals("record", form.get("content"));
        assertEquals("import", form.get("action"));
        assertEquals("json", form.get("format"));
        assertEquals("flat", form.get("type"));
        assertEquals("normal", form.get("overwriteBehavior"));
        assertEquals("count", form.get("returnContent"));
        assertEquals("false", form.get("forceAutoNumber"));
        assertEquals(TOKEN, form.get("token"));
        assertEquals(rows(), new ObjectMapper().readValue(form.get("data"), List.class));
        assertTrue(form.get("data").startsWith("[{\"record_id\":\"1\""), "an array, fields in order");
    }

    @Test
    void deleteRecordInstanceSendsOneRecordInstrumentEventAndInstance() {
        redcap.json("1");
        assertEquals(1, client.deleteRecordInstance("R,1", "concord_outcome_results", "results_arm_1", 4));
        assertEquals("token=" + TOKEN + "&content=record&action=delete&records%5B0%5D=R%2C1"
                + "&instrument=concord_outcome_results&event=results_arm_1&repeat_instance=4&format=json&returnFormat=json",
                redcap.take().getBody().utf8());
    }

    @Test
    void deleteRecordInstanceInAClassicProjectSendsNoEvent() {
        redcap.json("1");
        assertEquals(1, client.deleteRecordInstance("7", "concord_group_results", null, 2));
        Map<String, String> form = redcap.takeForm();
        assertEquals("7", form.get("records[0]"));
        assertEquals("2", form.get("repeat_instance"));
        assertTrue(!form.containsKey("event"), form.toString());
        assertThrows(IllegalArgumentException.class, () -> client.deleteRecordInstance("7", "concord_group_results", null, 0));
    }

    @Test
    void overwriteAndIds() {
        redcap.json("[\"1\",\"2\"]");
        ImportResult result = client.importRecords(rows(), OverwriteBehavior.OVERWRITE, ReturnContent.IDS);
        assertEquals(List.of("1", "2"), result.recordIds());
        assertEquals(2, result.count());
        Map<String, String> form = redcap.takeForm();
        assertEquals("overwrite", form.get("overwriteBehavior"));
        assertEquals("ids", form.get("returnContent"));
    }

    @Test
    void validationErrorsInTheCsvShape() {
        redcap.respond(400, "text/csv; charset=utf-8",
                "ERROR: \"1\",\"weight_kg\",\"22\",\"The value you provided could not be validated because it does not "
                        + "follow the expected format. Please try again.\"\n"
                        + "\"2\",\"dob\",\"1990-13-01\",\"The value is not a valid date (Y-M-D), \"\"strict\"\"\"");
        RedcapValidationException e = assertThrows(RedcapValidationException.class, () -> client.importRecords(rows()));
        assertEquals(List.of(
                new ValidationError("1", "weight_kg", "22", "The value you provided could not be validated because it "
                        + "does not follow the expected format. Please try again."),
                new ValidationError("2", "dob", "1990-13-01", "The value is not a valid date (Y-M-D), \"strict\"")),
                e.errors());
        assertTrue(e.getMessage().contains("2 values do not validate"), e.getMessage());
        assertTrue(e.getMessage().contains("record '1', field 'weight_kg', value '22'"), e.getMessage());
        assertEquals(1, redcap.requestCount(), "never retried");
    }

    @Test
    void validationErrorsInTheJsonShape() {
        redcap.respond(400, "application/json", "{\"error\":\"\\\"1\\\",\\\"treatment\\\",\\\"1\\\",\\\"This field "
                + "('treatment') exists on an instrument that is not designated for the event named 'event_1 (Arm 1: "
                + "Arm 1)'.\\\"\"}");
        RedcapValidationException e = assertThrows(RedcapValidationException.class, () -> client.importRecords(rows()));
        assertEquals(1, e.errors().size());
        ValidationError error = e.errors().get(0);
        assertEquals("treatment", error.field());
        assertTrue(error.message().startsWith("This field ('treatment') exists"), error.message());
    }

    @Test
    void unknownFieldIsAnInvalidRequest() {
        redcap.respond(400, "application/json",
                "{\"error\":\"The following fields were not found in the project as real data fields: weight_kg\"}");
        RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class,
                () -> client.importRecords(rows()));
        assertTrue(e.getMessage().contains("weight_kg"), e.getMessage());
    }

    @Test
    void noImportRights() {
        redcap.respond(403, "application/json", "{\"error\":\"You do not have API Import/Update privileges\"}");
        RedcapImportDeniedException e = assertThrows(RedcapImportDeniedException.class,
                () -> client.importRecords(rows()));
        assertTrue(e.getMessage().contains("API Import/Update"), e.getMessage());
        assertEquals(1, redcap.requestCount());
    }
}

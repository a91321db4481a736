package concord.connector;

import static concord.connector.support.MockRedcap.TOKEN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.support.MockRedcap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Record export: IDs first, comma-list batches, verification, pacing. */
class RedcapClientExportTest {

    private final MockRedcap redcap = new MockRedcap();
    private final List<RedcapRecord> received = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        redcap.close();
    }

    private RedcapClient client(int batchSize) {
        return RedcapClient.create(RedcapClientConfiguration.of(redcap.apiUrl(), TOKEN).withBatchSize(batchSize)
                .withInterBatchPause(Duration.ofMillis(500)), redcap.sleeps::add);
    }

    private static String ids(String... ids) {
        StringBuilder json = new StringBuilder("[");
        for (String id : ids) {
            json.append(json.length() > 1 ? "," : "").append("{\"record_id\":\"").append(id).append("\"}");
        }
        return json.append("]").toString();
    }

    private static Map<String, String> exportParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("token", TOKEN);
        p.put("content", "record");
        p.put("action", "export");
        p.put("format", "json");
        p.put("type", "flat");
        p.put("rawOrLabel", "raw");
        p.put("rawOrLabelHeaders", "raw");
        p.put("exportCheckboxLabel", "false");
        p.put("returnFormat", "json");
        return p;
    }

    @Test
    void exportsIdsFirstThenBatchesByCommaList() throws Exception {
        redcap.json(RedcapClientTest.METADATA);
        redcap.json(ids("1", "2", "2", "3", "10", "11"));   // repeated ID: one per event or instance
        redcap.json("[{\"record_id\":\"1\",\"redcap_repeat_instrument\":\"\",\"redcap_repeat_instance\":\"\",\"role\":\"1\"},"
                + "{\"record_id\":\"2\",\"role\":\"2\"},"
                + "{\"record_id\":\"2\",\"redcap_repeat_instrument\":\"visit\",\"redcap_repeat_instance\":2,\"role\":\"\"}]");
        redcap.json("[{\"record_id\":\"3\",\"role\":null},{\"record_id\":\"10\",\"role\":\"1\"}]");
        redcap.json("[{\"record_id\":\"11\",\"role\":\"2\"}]");

        try (RedcapClient client = client(2)) {
            ExportSummary summary = client.exportRecords(RecordQuery.all(), received::add);
            assertEquals(5, summary.records());
            assertEquals(6, summary.rows());
            assertEquals(3, summary.batches());
            assertEquals(4, summary.requests(), "ID request + 3 batches, metadata not counted");
        }
        assertEquals("metadata", redcap.takeForm().get("content"));

        Map<String, String> idRequest = exportParameters();
        idRequest.put("fields", "record_id");
        assertEquals(idRequest, redcap.takeForm());

        Map<String, String> batch = exportParameters();
        batch.put("records", "1,2");
        batch.put("exportSurveyFields", "false");
        batch.put("exportDataAccessGroups", "false");
        assertEquals(batch, redcap.takeForm());
        assertEquals("3,10", redcap.takeForm().get("records"));
        assertEquals("11", redcap.takeForm().get("records"));

        assertEquals(List.of("1", "2", "2", "3", "10", "11"), received.stream().map(RedcapRecord::recordId).toList());
        RedcapRecord repeat = received.get(2);
        assertEquals("visit", repeat.repeatInstrument());
        assertEquals("2", repeat.repeatInstance(), "a JSON number becomes text");
        assertEquals("", received.get(3).value("role"), "null becomes empty");
        assertEquals(List.of("record_id", "redcap_repeat_instrument", "redcap_repeat_instance", "role"),
                List.copyOf(received.get(0).values().keySet()));

        // three batch requests after the ID request, each paced 500 ms after the previous start
        assertEquals(3, redcap.sleeps.size());
        redcap.sleeps.forEach(d -> assertTrue(d.toMillis() > 300 && d.toMillis() <= 500, d.toString()));
    }

    @Test
    void queryOptionsGoToBothPhasesAndTheRecordIdIsAlwaysRequested() {
        redcap.json(RedcapClientTest.METADATA);
        redcap.json(ids("7"));
        redcap.json("[{\"record_id\":\"7\",\"redcap_event_name\":\"baseline_arm_1\",\"o1\":\"9\"}]");
        RecordQuery query = RecordQuery.all().withFields("o1", "role").withForms("survey")
                .withEvents("baseline_arm_1", "followup_arm_1").withRecords("7", "8")
                .withFilterLogic("[role] = '1'").withDateRange("2024-01-01 00:00:00", "2024-12-31 23:59:59")
                .withDataAccessGroups(true).withSurveyFields(true);
        try (RedcapClient client = client(500)) {
            client.exportRecords(query, received::add);
        }
        redcap.takeForm();
        Map<String, String> idRequest = redcap.takeForm();
        assertEquals("record_id", idRequest.get("fields"));
        assertEquals("7,8", idRequest.get("records"));
        assertEquals("baseline_arm_1,followup_arm_1", idRequest.get("events"));
        assertEquals("[role] = '1'", idRequest.get("filterLogic"));
        assertEquals("2024-01-01 00:00:00", idRequest.get("dateRangeBegin"));
        assertEquals("2024-12-31 23:59:59", idRequest.get("dateRangeEnd"));

        Map<String, String> batch = redcap.takeForm();
        assertEquals("record_id,o1,role", batch.get("fields"));
        assertEquals("survey", batch.get("forms"));
        assertEquals("7", batch.get("records"), "only IDs REDCap listed");
        assertEquals("[role] = '1'", batch.get("filterLogic"));
        assertEquals("baseline_arm_1,followup_arm_1", batch.get("events"));
        assertEquals("true", batch.get("exportDataAccessGroups"));
        assertEquals("true", batch.get("exportSurveyFields"));
        assertEquals(null, idRequest.get("exportSurveyFields"), "the ID request asks for the ID column only");
        assertEquals("baseline_arm_1", received.get(0).eventName());
    }

    @Test
    void formsAloneStillBringTheRecordId() {
        redcap.json(RedcapClientTest.METADATA).json(ids("1")).json("[{\"record_id\":\"1\"}]");
        try (RedcapClient client = client(500)) {
            client.exportRecords(RecordQuery.all().withForms("survey"), received::add);
        }
        redcap.takeForm();
        redcap.takeForm();
        Map<String, String> batch = redcap.takeForm();
        assertEquals("record_id", batch.get("fields"));
        assertEquals("survey", batch.get("forms"));
    }

    @Test
    void recordIdsWithCommasUseIndexedParameters() {
        redcap.json(RedcapClientTest.METADATA).json(ids("a,1", "b")).json("[{\"record_id\":\"a,1\"},{\"record_id\":\"b\"}]");
        try (RedcapClient client = client(500)) {
            client.exportRecords(RecordQuery.all(), received::add);
        }
        redcap.takeForm();
        redcap.takeForm();
        Map<String, String> batch = redcap.takeForm();
        assertEquals("a,1", batch.get("records[0]"));
        assertEquals("b", batch.get("records[1]"));
    }

    @Test
    void aShortBatchIsAnErrorNamingTheMissingRecords() {
        redcap.json(RedcapClientTest.METADATA);
        redcap.json(ids("1", "2", "3", "4"));
        redcap.json("[{\"record_id\":\"1\"},{\"record_id\":\"2\"}]");
        redcap.json("[{\"record_id\":\"3\"}]");   // 4 is missing
        try (RedcapClient client = client(2)) {
            IncompleteExportException e = assertThrows(IncompleteExportException.class,
                    () -> client.exportRecords(RecordQuery.all(), received::add));
            assertEquals(List.of("4"), e.missingRecordIds());
            assertEquals(2, e.batch());
            assertTrue(e.getMessage().contains("batch 2 of 2"), e.getMessage());
            assertTrue(e.getMessage().contains("[4]"), e.getMessage());
        }
        assertEquals(List.of("1", "2"), received.stream().map(RedcapRecord::recordId).toList(),
                "nothing of the short batch was delivered");
    }

    @Test
    void anUnrequestedRecordStopsTheExport() {
        redcap.json(RedcapClientTest.METADATA).json(ids("1")).json("[{\"record_id\":\"1\"},{\"record_id\":\"99\"}]");
        try (RedcapClient client = client(500)) {
            RedcapException e = assertThrows(RedcapException.class,
                    () -> client.exportRecords(RecordQuery.all(), received::add));
            assertTrue(e.getMessage().contains("'99'"), e.getMessage());
        }
        assertTrue(received.isEmpty());
    }

    @Test
    void noRecordsMeansOneIdRequestAndNoBatch() {
        redcap.json(RedcapClientTest.METADATA).json("[]");
        try (RedcapClient client = client(500)) {
            ExportSummary summary = client.exportRecords(RecordQuery.all(), received::add);
            assertEquals(0, summary.records());
            assertEquals(0, summary.batches());
        }
        assertEquals(2, redcap.requestCount());
    }

    @Test
    void aRetriedBatchDeliversEachRowOnce() {
        redcap.json(RedcapClientTest.METADATA).json(ids("1", "2"));
        redcap.enqueue(new mockwebserver3.MockResponse.Builder().code(200)
                .body("[{\"record_id\":\"1\"},{\"record_id\":\"2\"").build());   // cut short
        redcap.json("[{\"record_id\":\"1\"},{\"record_id\":\"2\"}]");
        try (RedcapClient client = client(500)) {
            ExportSummary summary = client.exportRecords(RecordQuery.all(), received::add);
            assertEquals(2, summary.rows());
            assertEquals(3, summary.requests());
        }
        assertEquals(List.of("1", "2"), received.stream().map(RedcapRecord::recordId).toList());
    }

    @Test
    void exportRecordIdsListsDistinctIdsInOrder() {
        redcap.json(RedcapClientTest.METADATA).json(ids("5", "5", "3"));
        try (RedcapClient client = client(500)) {
            assertEquals(List.of("5", "3"), client.exportRecordIds(RecordQuery.all()));
        }
    }
}

package concord.connector;

import static concord.connector.support.MockRedcap.TOKEN;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.connector.support.MockRedcap;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** File Upload fields and the File Repository. */
class RedcapClientFilesTest {

    private static final byte[] PDF = "%PDF-1.4 report".getBytes(StandardCharsets.US_ASCII);

    private final MockRedcap redcap = new MockRedcap();
    private final RedcapClient client = RedcapClient.create(RedcapClientConfiguration.of(redcap.apiUrl(), TOKEN),
            redcap.sleeps::add);

    @AfterEach
    void close() throws Exception {
        client.close();
        redcap.close();
    }

    private void file(String contentType, byte[] bytes) {
        redcap.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", contentType)
                .body(new Buffer().write(bytes)).build());
    }

    @Test
    void exportFileReadsTheNameFromTheContentType() {
        file("application/pdf; name=\"report-1.pdf\";charset=UTF-8", PDF);
        RedcapFile f = client.exportFile(FileFieldLocation.of("1", "report").withEvent("event_1_arm_1")
                .withRepeatInstance(2));
        assertEquals("report-1.pdf", f.name());
        assertEquals("application/pdf", f.contentType());
        assertArrayEquals(PDF, f.content());
        assertEquals(Map.of("token", TOKEN, "content", "file", "action", "export", "record", "1", "field", "report",
                "event", "event_1_arm_1", "repeat_instance", "2", "returnFormat", "json"), redcap.takeForm());

        file("text/html; name='page.html'", "<html><body>user file</body></html>".getBytes(StandardCharsets.UTF_8));
        RedcapFile html = client.exportFile(FileFieldLocation.of("1", "page"));
        assertEquals("page.html", html.name(), "an uploaded HTML file is data, not an error page");
    }

    @Test
    void importFileIsMultipartWithAFilePart() {
        redcap.respond(200, "text/html", "");
        client.importFile(FileFieldLocation.of("7", "report"), new RedcapFile("results.pdf", "application/pdf", PDF));
        RecordedRequest request = redcap.take();
        assertTrue(request.getHeaders().get("Content-Type").startsWith("multipart/form-data"));
        String body = request.getBody().string(StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("name=\"token\"\r\n\r\n" + TOKEN), body);
        assertTrue(body.contains("name=\"content\"\r\n\r\nfile"), body);
        assertTrue(body.contains("name=\"action\"\r\n\r\nimport"), body);
        assertTrue(body.contains("name=\"record\"\r\n\r\n7"), body);
        assertTrue(body.contains("name=\"field\"\r\n\r\nreport"), body);
        assertTrue(body.contains("name=\"file\"; filename=\"results.pdf\""), body);
        assertTrue(body.contains("%PDF-1.4 report"), body);
    }

    @Test
    void deleteFile() {
        redcap.respond(200, "text/html", "");
        client.deleteFile(FileFieldLocation.of("7", "report"));
        Map<String, String> form = redcap.takeForm();
        assertEquals("delete", form.get("action"));
        assertEquals("file", form.get("content"));
    }

    @Test
    void notAFileField() {
        redcap.respond(400, "text/csv", "ERROR: The field 'age' does not exist or is not a 'file' field");
        RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class,
                () -> client.exportFile(FileFieldLocation.of("1", "age")));
        assertTrue(e.getMessage().contains("is not a 'file' field"), e.getMessage());
    }

    @Test
    void repositoryFolders() {
        redcap.json("[{\"folder_id\": 45}]");
        assertEquals(45, client.createFolder("Concord reports"));
        assertEquals(Map.of("token", TOKEN, "content", "fileRepository", "action", "createFolder", "format", "json",
                "returnFormat", "json", "name", "Concord reports"), redcap.takeForm());

        redcap.json("[{\"folder_id\": 46}]");
        assertEquals(46, client.createFolder("2024", 45));
        assertEquals("45", redcap.takeForm().get("folder_id"));
        assertThrows(IllegalArgumentException.class, () -> client.createFolder("x".repeat(151)));
    }

    @Test
    void repositoryListing() {
        redcap.json("[{\"folder_id\":45,\"doc_id\":\"\",\"name\":\"Concord reports\",\"role\":\"\",\"dag\":\"\"},"
                + "{\"folder_id\":\"\",\"doc_id\":301,\"name\":\"report.pdf\",\"role\":\"coordinators\",\"dag\":\"site_a\"}]");
        List<RepositoryEntry> entries = client.listRepository(45);
        assertEquals(List.of(new RepositoryEntry(true, 45, "Concord reports", "", ""),
                new RepositoryEntry(false, 301, "report.pdf", "coordinators", "site_a")), entries);
        Map<String, String> form = redcap.takeForm();
        assertEquals("list", form.get("action"));
        assertEquals("45", form.get("folder_id"));

        redcap.json("[]");
        assertEquals(List.of(), client.listRepository());
        assertTrue(!redcap.takeForm().containsKey("folder_id"));
    }

    @Test
    void badFolderIsReported() {
        redcap.respond(400, "text/csv", "ERROR: The File Repository folder folder_id=99 does not exist or else you do "
                + "not have permission to that folder because it is DAG-restricted or Role-restricted.");
        RedcapInvalidRequestException e = assertThrows(RedcapInvalidRequestException.class,
                () -> client.listRepository(99));
        assertTrue(e.getMessage().contains("folder_id=99"), e.getMessage());
    }

    @Test
    void repositoryFileRoundTrip() {
        redcap.respond(200, "text/html", "");
        client.importRepositoryFile(new RedcapFile("report.pdf", "application/pdf", PDF), 45);
        String body = redcap.take().getBody().string(StandardCharsets.ISO_8859_1);
        assertTrue(body.contains("name=\"content\"\r\n\r\nfileRepository"), body);
        assertTrue(body.contains("name=\"folder_id\"\r\n\r\n45"), body);
        assertTrue(body.contains("filename=\"report.pdf\""), body);

        file("application/pdf; name=\"report.pdf\"", PDF);
        assertEquals(new RedcapFile("report.pdf", "application/pdf", PDF), client.exportRepositoryFile(301));
        Map<String, String> form = redcap.takeForm();
        assertEquals("export", form.get("action"));
        assertEquals("301", form.get("doc_id"));

        redcap.respond(200, "text/html", "");
        client.deleteRepositoryFile(301);
        form = redcap.takeForm();
        assertEquals("delete", form.get("action"));
        assertEquals("301", form.get("doc_id"));
    }
}

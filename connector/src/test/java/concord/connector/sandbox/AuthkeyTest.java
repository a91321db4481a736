package concord.connector.sandbox;

import static concord.connector.sandbox.DesignMethodsTest.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** Bookmark authkeys: issued for (user, project), validated without a token, 0 when unknown. */
class AuthkeyTest {
    @Test
    void validKeyGivesUserContextUnknownGivesZero() throws Exception {
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            int pid = sandbox.addProject(SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml")));
            String key = sandbox.issueAuthkey(pid, SandboxUser.exportOnly("coord").withDataAccessGroup("dag_2"));
            JsonNode json = JSON.readTree(Http.post(sandbox.apiUrl(), "authkey", key, "format", "json").body());
            assertEquals("coord", json.get("username").asText());
            assertEquals(String.valueOf(pid), json.get("project_id").asText());
            assertEquals("dag_2", json.get("data_access_group_name").asText());
            assertEquals("2", json.get("data_access_group_id").asText());
            assertEquals(sandbox.baseUrl() + "redcap_v14.5.3/index.php?pid=" + pid, json.get("callback_url").asText());
            String csv = Http.post(sandbox.apiUrl(), "content", "authkey", "authkey", key).body();
            assertEquals("username,project_id,data_access_group_name,data_access_group_id,callback_url", csv.lines().findFirst().orElseThrow());
            assertEquals("0", Http.post(sandbox.apiUrl(), "authkey", "forged").body());
            String viaHttp = Http.post(URI.create(sandbox.baseUrl() + "sandbox/projects/" + pid + "/authkeys"), "username", "pi").body();
            String issued = JSON.readTree(viaHttp).get("authkey").asText();
            assertEquals("pi", JSON.readTree(Http.post(sandbox.apiUrl(), "authkey", issued, "format", "json").body()).get("username").asText());
            String token = JSON.readTree(Http.post(URI.create(sandbox.baseUrl() + "sandbox/projects/" + pid + "/tokens"), "username", "api",
                    "api_import", "false").body()).get("token").asText();
            assertEquals(403, Http.post(sandbox.apiUrl(), "token", token, "content", "record", "action", "import", "format", "csv",
                    "data", "record_id\n1\n").statusCode());
            assertEquals(200, Http.post(sandbox.apiUrl(), "token", token, "content", "version").statusCode());
            String listing = Http.send(java.net.http.HttpRequest.newBuilder(URI.create(sandbox.baseUrl() + "sandbox/projects")).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            assertEquals(pid, JSON.readTree(listing).get(0).get("project_id").intValue());
        }
    }
}

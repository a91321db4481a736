package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The command line starts a sandbox and prints a working API URL and token. */
class RedcapSandboxMainTest {
    @Test
    void startsWithFixtureProjectAndPrintsUrlAndToken() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String token = "0123456789ABCDEF0123456789ABCDEF";
        try (RedcapSandbox sandbox = RedcapSandboxMain.start(new String[] {"--port", "0", "--project",
                Http.fixtures().resolve("simple").toString(), "--token", token}, new PrintStream(bytes, true, StandardCharsets.UTF_8))) {
            String printed = bytes.toString(StandardCharsets.UTF_8);
            String url = printed.lines().filter(l -> l.startsWith("API URL: ")).findFirst().orElseThrow().substring(9);
            assertTrue(printed.contains("Token:   " + token), printed);
            assertEquals("14.5.3", Http.post(URI.create(url), "token", token, "content", "version").body());
            assertEquals(sandbox.apiUrl().toString(), url);
        }
    }

    @Test
    void helpAndBadOptions() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        assertNull(RedcapSandboxMain.start(new String[] {"--help"}, new PrintStream(bytes, true, StandardCharsets.UTF_8)));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).startsWith("Usage:"));
        assertThrows(IllegalArgumentException.class, () -> RedcapSandboxMain.start(new String[] {"--colour", "red"}, System.out));
        assertThrows(IllegalArgumentException.class, () -> RedcapSandboxMain.start(new String[] {"--port"}, System.out));
    }
}

package concord.connector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedcapClientConfigurationTest {

    private static final String TOKEN = "0123456789abcdef0123456789ABCDEF";
    private static final String URL = "https://redcap.example.org/redcap/api/";

    @Test
    void defaults() {
        RedcapClientConfiguration c = RedcapClientConfiguration.of(URL, TOKEN);
        assertEquals(500, c.batchSize());
        assertEquals(Duration.ofMillis(500), c.interBatchPause());
        assertEquals(RetryPolicy.defaults(), c.retryPolicy());
        assertEquals(URI.create(URL), c.apiUrl());
    }

    @Test
    void tokenIsTrimmedAndChecked() {
        assertEquals(TOKEN, RedcapClientConfiguration.of(URL, "  " + TOKEN + "\n").token());
        IllegalArgumentException tooShort = assertThrows(IllegalArgumentException.class,
                () -> RedcapClientConfiguration.of(URL, TOKEN.substring(1)));
        assertTrue(tooShort.getMessage().contains("31 characters"), tooShort.getMessage());
        assertFalse(tooShort.getMessage().contains(TOKEN.substring(1)), "the message never repeats the token");

        String notHex = TOKEN.substring(0, 31) + "G";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> RedcapClientConfiguration.of(URL, notHex));
        assertTrue(e.getMessage().contains("0-9 and A-F"), e.getMessage());
        assertFalse(e.getMessage().contains(notHex));

        assertThrows(IllegalArgumentException.class, () -> RedcapClientConfiguration.of(URL, " "));
        assertThrows(IllegalArgumentException.class, () -> RedcapClientConfiguration.of(URL, null));
        assertThrows(IllegalArgumentException.class, () -> RedcapClientConfiguration.of(URL, TOKEN + TOKEN),
                "64-character super tokens cannot read projects");
    }

    @Test
    void toStringRedactsTheToken() {
        String text = RedcapClientConfiguration.of(URL, TOKEN).toString();
        assertFalse(text.toLowerCase().contains(TOKEN.toLowerCase()), text);
        assertTrue(text.contains("[redacted]"));
        assertTrue(text.contains(URL));
    }

    @Test
    void apiUrlMustBeRedcapsEndpoint() {
        assertEquals(URI.create(URL), RedcapClientConfiguration.of("https://redcap.example.org/redcap/api", TOKEN).apiUrl());
        assertThrows(IllegalArgumentException.class, () -> RedcapClientConfiguration.of("redcap.example.org/api/", TOKEN));
        assertThrows(IllegalArgumentException.class,
                () -> RedcapClientConfiguration.of("https://redcap.example.org/redcap/", TOKEN));
        assertThrows(IllegalArgumentException.class,
                () -> RedcapClientConfiguration.of("ftp://redcap.example.org/api/", TOKEN));
        IllegalArgumentException query = assertThrows(IllegalArgumentException.class,
                () -> RedcapClientConfiguration.of("https://redcap.example.org/api/?token=" + TOKEN, TOKEN));
        assertFalse(query.getMessage().contains(TOKEN), query.getMessage());
    }

    @Test
    void withMethodsChangeOneThing() {
        RedcapClientConfiguration c = RedcapClientConfiguration.of(URL, TOKEN);
        assertEquals(100, c.withBatchSize(100).batchSize());
        assertEquals(Duration.ZERO, c.withInterBatchPause(Duration.ZERO).interBatchPause());
        assertEquals(Duration.ofSeconds(3), c.withReadTimeout(Duration.ofSeconds(3)).readTimeout());
        assertEquals(Duration.ofSeconds(2), c.withConnectTimeout(Duration.ofSeconds(2)).connectTimeout());
        assertEquals(RetryPolicy.none(), c.withRetryPolicy(RetryPolicy.none()).retryPolicy());
        assertEquals(500, c.batchSize(), "the original is unchanged");
        assertThrows(IllegalArgumentException.class, () -> c.withBatchSize(0));
        assertThrows(IllegalArgumentException.class, () -> c.withReadTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> c.withInterBatchPause(Duration.ofMillis(-1)));
    }
}

package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import concord.connector.sandbox.SandboxUser;
import concord.server.testing.ChromeDriverSession;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A real browser goes the way a REDCap user does: REDCap's bookmark form posts the authkey, the dashboard
 * opens, "Run analysis now" is pressed, the page follows the run until the report is there. Screenshots
 * land in {@code server/target/screenshots/}.
 */
class DashboardBrowserTest {

    @Test
    void launchRunNowAndReadTheFinishedReport() throws Exception {
        Assumptions.assumeTrue(ChromeDriverSession.chromium().isPresent() && ChromeDriverSession.chromedriver().isPresent(),
                ChromeDriverSession.skipMessage());
        try (DashboardFixture fixture = new DashboardFixture(false)) {
            String authkey = fixture.redcap.issueAuthkey(fixture.studyPid, SandboxUser.withAllRights("alice"));
            HttpServer redcapPage = bookmarkPage(fixture.url("/launch").toString(), authkey);
            try (ChromeDriverSession browser = ChromeDriverSession.start()) {
                browser.windowSize(1440, 1000);
                browser.open("http://127.0.0.1:" + redcapPage.getAddress().getPort() + "/bookmark");
                browser.click("button[type=submit]");
                assertTrue(browser.currentUrl().endsWith("/dashboard/clbp"), browser.currentUrl());
                assertTrue(browser.source().contains("No analysis has been published"), "a fresh project has no results");

                browser.click("form[action$='/runs'] button");
                Instant deadline = Instant.now().plusSeconds(60);
                while (!browser.source().contains("Table 1. Importance ratings") && Instant.now().isBefore(deadline)) {
                    Thread.sleep(250); // the page refreshes itself (meta refresh) while the run is queued or running
                }
                String page = browser.source();
                assertTrue(page.contains("Table 1. Importance ratings"), "the finished report appeared without a manual reload: "
                        + browser.currentUrl() + "\n" + fixture.server.getApplicationContext()
                        .getBean(concord.server.run.RunRepository.class).list("clbp", 5));
                assertTrue(browser.title().startsWith("CLBP outcome survey"));
                assertTrue(browser.text("#history").contains("SUCCEEDED"));
                assertFalse(page.contains("http-equiv=\"refresh\""), "refreshing stops when the run has finished");

                Path screenshots = Path.of("target", "screenshots");
                browser.screenshot(screenshots.resolve("dashboard-top.png"));
                long height = browser.script("return document.documentElement.scrollHeight").asLong();
                browser.windowSize(1440, (int) Math.min(Math.max(height + 120, 1000), 8000));
                browser.screenshot(screenshots.resolve("dashboard.png"));

                browser.open(fixture.url("/dashboard/clbp?differs=yes#table1").toString());
                assertTrue(browser.text("#table1").contains("Showing"), "filter links work in the browser");
                browser.click("a.chip[href*='sort=p']");
                assertTrue(browser.currentUrl().contains("sort=p") && browser.currentUrl().contains("differs=yes"),
                        browser.currentUrl());
            } finally {
                redcapPage.stop(0);
            }
        }
    }

    /** What REDCap serves for an advanced bookmark: a form that posts the authkey to the bookmark URL. */
    private static HttpServer bookmarkPage(String launchUrl, String authkey) throws java.io.IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        byte[] page = ("<!DOCTYPE html><html><body><form method=\"post\" action=\"" + launchUrl + "\">"
                + "<input type=\"hidden\" name=\"authkey\" value=\"" + authkey + "\">"
                + "<button type=\"submit\">Open Concord</button></form></body></html>").getBytes(StandardCharsets.UTF_8);
        server.createContext("/bookmark", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        server.start();
        return server;
    }
}

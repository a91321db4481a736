package concord.server.cli;

import concord.analysis.report.HtmlTables;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The page a REDCap advanced project bookmark amounts to: a form that POSTs the user's authkey to
 * Concord's launch URL. The demo writes it to a private temporary file so a person can open the
 * dashboard with one click, as they would from REDCap's left-hand menu.
 */
final class DemoLaunchPage {
    private DemoLaunchPage() {
    }

    static Path write(String launchUrl, String authkey) throws IOException {
        Path file = Files.createTempFile("concord-demo-launch-", ".html",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        file.toFile().deleteOnExit();
        String html = """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8"><title>Concord demo bookmark</title></head>
                <body style="font-family:sans-serif;margin:3rem">
                <h1>CLBPOQ demo project</h1>
                <p>This is what REDCap's project bookmark does: it posts your authkey to Concord.</p>
                <form method="post" action="%s">
                <input type="hidden" name="authkey" value="%s">
                <button type="submit" style="font-size:1.2rem;padding:.5rem 1rem">Open the Concord dashboard</button>
                </form></body></html>
                """.formatted(HtmlTables.escapeText(launchUrl), HtmlTables.escapeText(authkey));
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }
}

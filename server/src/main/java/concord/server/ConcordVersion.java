package concord.server;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The Concord version this jar was built as (recorded with every run and printed in reports). */
public final class ConcordVersion {
    private static final String VERSION = load();

    private ConcordVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ConcordVersion.class.getResourceAsStream("/concord/server/version.properties")) {
            if (in == null) {
                return "development";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "development");
            return v.startsWith("${") ? "development" : v;
        } catch (IOException e) {
            return "development";
        }
    }
}

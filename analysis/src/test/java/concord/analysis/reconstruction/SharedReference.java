package concord.analysis.reconstruction;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared reference folder: system property {@code concord.shared}, else {@code ../shared}. */
final class SharedReference {

    private SharedReference() {
    }

    static Path table1() {
        return file("reference/clbp-table1.tsv");
    }

    static Path file(String relative) {
        String property = System.getProperty("concord.shared");
        for (Path base : new Path[] {property == null ? null : Path.of(property), Path.of("../shared"),
                Path.of("../../shared")}) {
            if (base != null && Files.exists(base.resolve(relative))) {
                return base.resolve(relative);
            }
        }
        throw new IllegalStateException("Cannot find " + relative + " in the shared reference folder; set "
                + "-Dconcord.shared=/path/to/shared");
    }
}

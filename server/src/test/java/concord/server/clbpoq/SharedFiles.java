package concord.server.clbpoq;

import java.nio.file.Files;
import java.nio.file.Path;

/** The repository root and the shared reference folder, from the server module's working directory. */
final class SharedFiles {

    private SharedFiles() {
    }

    static Path repositoryRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("server")) && Files.isDirectory(p.resolve("analysis"))
                    && Files.exists(p.resolve("pom.xml"))) {
                return p;
            }
        }
        throw new IllegalStateException("Cannot find the Concord repository root above " + here);
    }

    static Path table1() {
        String property = System.getProperty("concord.shared");
        Path shared = property != null ? Path.of(property) : repositoryRoot().resolve("../shared");
        Path table = shared.resolve("reference/clbp-table1.tsv").normalize();
        if (!Files.exists(table)) {
            throw new IllegalStateException("Cannot find " + table + "; set -Dconcord.shared=/path/to/shared");
        }
        return table;
    }
}

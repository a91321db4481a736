package concord.connector.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The REDCapR fixture projects under {@code ../shared/redcap-fixtures/redcapr-projects}. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path shared() {
        String property = System.getProperty("concord.shared");
        Path path = property != null ? Path.of(property) : Path.of("..", "shared");
        if (!Files.isDirectory(path)) {
            path = Path.of("..", "..", "shared");
        }
        return path.toAbsolutePath().normalize();
    }

    public static Path projects() {
        return shared().resolve("redcap-fixtures").resolve("redcapr-projects");
    }

    public static Path project(String name) {
        return projects().resolve(name);
    }

    /** Every project folder holding a file called {@code fileName}, sorted by name. */
    public static List<Path> withFile(String... fileNames) {
        try (Stream<Path> dirs = Files.list(projects())) {
            return dirs.filter(Files::isDirectory)
                    .filter(d -> Stream.of(fileNames).anyMatch(f -> Files.isRegularFile(d.resolve(f))))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The project's UI data dictionary ({@code decimal-comma} spells it {@code dictionay.csv}). */
    public static Path dictionary(Path project) {
        Path p = project.resolve("dictionary.csv");
        return Files.exists(p) ? p : project.resolve("dictionay.csv");
    }
}

package concord.server.clbpoq;

import concord.analysis.reconstruction.Reconstruction;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The committed deploy/redcap files are exactly what the generator produces. After changing the
 * generator, the catalogue or the seed, rewrite them with
 * {@code mvn -B -q -pl server -am test -Dtest=ClbpoqGeneratorTest -Dsurefire.failIfNoSpecifiedTests=false -Dconcord.regenerate=true}.
 */
class ClbpoqGeneratorTest {

    @Test
    void committedDeployFilesAreCurrent() throws IOException {
        Map<String, String> generated = ClbpoqGenerator.generate();
        if (Boolean.getBoolean("concord.regenerate")) {
            ClbpoqGenerator.writeAll(generated);
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path committed = ClbpoqGenerator.deployDirectory().resolve(file.getKey());
            assertTrue(Files.exists(committed), committed + " is missing; generate it with -Dconcord.regenerate=true");
            assertEquals(file.getValue(), Files.readString(committed, StandardCharsets.UTF_8),
                    committed + " differs from the generator's output; regenerate with -Dconcord.regenerate=true");
        }
    }

    @Test
    void generationIsDeterministic() {
        Reconstruction fresh = ClbpoqGenerator.reconstructor().reconstruct(ClbpoqGenerator.table());
        assertEquals(ClbpoqGenerator.generate(),
                ClbpoqGenerator.files(ClbpoqGenerator.project(fresh, ClbpoqCatalog.load())));
    }
}

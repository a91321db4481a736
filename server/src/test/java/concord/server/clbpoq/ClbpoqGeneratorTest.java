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
        ClbpoqProject project = ClbpoqGenerator.project(ClbpoqGenerator.reconstruct(), ClbpoqCatalog.load());
        Map<String, String> generated = ClbpoqGenerator.files(project);
        byte[] zip = ClbpoqGenerator.resultsInstrumentZip(project);
        if (Boolean.getBoolean("concord.regenerate")) {
            ClbpoqGenerator.writeAll(generated, zip);
        }
        Path committedZip = ClbpoqGenerator.deployDirectory().resolve(ClbpoqGenerator.RESULTS_INSTRUMENT_ZIP);
        assertTrue(Files.exists(committedZip) && java.util.Arrays.equals(zip, Files.readAllBytes(committedZip)),
                committedZip + " is missing or differs from the generator's output; regenerate with -Dconcord.regenerate=true");
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Path committed = ClbpoqGenerator.deployDirectory().resolve(file.getKey());
            assertTrue(Files.exists(committed), committed + " is missing; generate it with -Dconcord.regenerate=true");
            assertEquals(file.getValue(), Files.readString(committed, StandardCharsets.UTF_8),
                    committed + " differs from the generator's output; regenerate with -Dconcord.regenerate=true");
        }
    }

    @Test
    void theResultsInstrumentZipHoldsTheInstrumentsDictionaryRows() throws IOException {
        ClbpoqProject project = ClbpoqGenerator.project(ClbpoqGenerator.reconstruct(), ClbpoqCatalog.load());
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(
                new java.io.ByteArrayInputStream(ClbpoqGenerator.resultsInstrumentZip(project)))) {
            java.util.zip.ZipEntry entry = in.getNextEntry();
            assertEquals("instrument.csv", entry.getName());
            String csv = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(csv.startsWith("\"Variable / Field Name\",\"Form Name\""), csv);
            assertEquals(1 + project.forms().get("concord_results").size(), csv.split("\n").length);
            assertTrue(csv.contains("concord_run_id,concord_results,"), csv);
            assertEquals("OriginID.txt", in.getNextEntry().getName());
        }
    }

    @Test
    void generationIsDeterministic() {
        Reconstruction fresh = ClbpoqGenerator.reconstructor().reconstruct(ClbpoqGenerator.table());
        assertEquals(ClbpoqGenerator.generate(),
                ClbpoqGenerator.files(ClbpoqGenerator.project(fresh, ClbpoqCatalog.load())));
    }
}

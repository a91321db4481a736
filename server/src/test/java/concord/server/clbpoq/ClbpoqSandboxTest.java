package concord.server.clbpoq;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REDCap sandbox seeds the same project from the ODM XML and from the CSV pair, and from the classpath. */
class ClbpoqSandboxTest {

    @Test
    void theSandboxReadsTheSameProjectFromBothForms() {
        Path dir = ClbpoqGenerator.deployDirectory();
        SandboxProject fromOdm = SandboxProject.fromOdm(dir.resolve(ClbpoqGenerator.PROJECT_XML));
        SandboxProject fromCsv = SandboxProject.fromDictionaryCsv(dir.resolve(ClbpoqGenerator.DICTIONARY),
                dir.resolve(ClbpoqGenerator.RECORDS));
        assertEquals(56, fromOdm.recordCount());
        assertEquals(fromCsv.recordIds(), fromOdm.recordIds());
        assertEquals(fromCsv.fieldNames(), fromOdm.fieldNames());
        for (String record : fromCsv.recordIds()) {
            assertEquals(fromCsv.values(record), fromOdm.values(record), "record " + record);
        }
        assertTrue(fromOdm.fieldNames().contains("pain_discomfort"));
    }

    @Test
    void theDemoProjectShipsOnTheClasspath() {
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build()) {
            int id = sandbox.seedDemoProject();
            assertEquals(56, sandbox.project(id).recordCount());
        }
    }
}

package concord.connector.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every fixture project.xml seeds; ODM designs match the CSV dictionaries; generated and demo projects. */
class OdmSeedingTest {
    static Stream<Path> odmFiles() throws Exception {
        try (Stream<Path> dirs = Files.list(Http.fixtures())) {
            return dirs.map(d -> d.resolve("project.xml")).filter(Files::exists).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("odmFiles")
    void seedsFromOdm(Path xml) throws Exception {
        SandboxProject p = SandboxProject.fromOdm(xml);
        assertTrue(p.fieldNames().size() >= 1, xml.toString());
        Path dictionary = xml.resolveSibling("dictionary.csv");
        if (Files.exists(dictionary)) {
            SandboxProject csv = SandboxProject.fromDictionaryCsv(dictionary, null);
            List<String> odmFields = p.fieldNames();
            for (String f : csv.fieldNames()) {
                assertTrue(odmFields.contains(f), xml + ": field " + f + " of dictionary.csv is missing from the ODM design");
            }
        }
    }

    @Test
    void longitudinalOdmHasEventsArmsAndRecords() {
        SandboxProject p = SandboxProject.fromOdm(Http.fixtures().resolve("longitudinal/project.xml"));
        assertTrue(p.isLongitudinal());
        assertEquals(12, p.eventNames().size());
        assertEquals("enrollment_arm_1", p.eventNames().get(0));
        assertEquals(List.of(1, 2), p.armNumbers());
        assertTrue(p.recordCount() > 0);
        SandboxProject simple = SandboxProject.fromOdm(Http.fixtures().resolve("simple/project.xml"));
        assertEquals("Nutmeg", simple.values("1").get("name_first"));
        assertEquals("0", simple.values("1").get("sex"));
        assertEquals("14 Rose Cottage St.\nKenning UK, 323232", simple.values("1").get("address"), "line breaks in ODM attributes survive");
        assertEquals(List.of("dag_1", "dag_2"), simple.dataAccessGroups());
    }

    @Test
    void dictionaryWithApiHeadersAndBom() {
        String dict = "\uFEFFfield_name,form_name,section_header,field_type,field_label,select_choices_or_calculations\n"
                + "id,f,,text,ID,\nscore,f,,radio,Score,\"1, Low | 2, High\"\n";
        SandboxProject p = SandboxProject.fromDictionaryCsv("bom", dict, "id,score,f_complete\n1,2,2\n");
        assertEquals(List.of("id", "score"), p.fieldNames());
        assertEquals("2", p.values("1").get("score"));
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> SandboxProject.fromDictionaryCsv("bad", dict, "id,shoe\n1,9\n"));
        assertTrue(bad.getMessage().contains("column 'shoe'"), bad.getMessage());
    }

    @Test
    void generatedProjectIsDeterministic() {
        SandboxProject a = SandboxProject.generated("g", 1000, 60, 11);
        SandboxProject b = SandboxProject.generated("g", 1000, 60, 11);
        assertEquals(1000, a.recordCount());
        assertEquals(a.values("999"), b.values("999"));
        assertEquals(2 + 60, a.fieldNames().size());
    }

    @Test
    void demoProjectLoadsOrFailsClearly() {
        try (RedcapSandbox sandbox = RedcapSandbox.builder().build().start()) {
            boolean present = RedcapSandbox.class.getClassLoader().getResource("concord/demo/clbpoq-dictionary.csv") != null
                    || RedcapSandbox.class.getClassLoader().getResource("concord/demo/clbpoq-project.xml") != null;
            if (present) {
                int pid = sandbox.seedDemoProject();
                assertTrue(sandbox.project(pid).recordCount() > 0);
            } else {
                IllegalStateException e = assertThrows(IllegalStateException.class, sandbox::seedDemoProject);
                assertTrue(e.getMessage().contains("concord/demo/clbpoq-project.xml"), e.getMessage());
            }
        }
    }
}

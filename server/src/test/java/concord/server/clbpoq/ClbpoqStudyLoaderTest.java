package concord.server.clbpoq;

import concord.analysis.StakeholderGroup;
import concord.connector.DataDictionaryReader;
import concord.connector.FieldMetadata;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.load.LoadedStudy;
import concord.server.load.StudyLoader;
import concord.server.load.StudySpec;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Concord's own study loader reads the generated dictionary as the configuration in deploy/concord.yml does. */
class ClbpoqStudyLoaderTest {

    @Test
    void theServerLoadsTheClbpoqStudyFromTheDictionary() throws Exception {
        List<FieldMetadata> dictionary;
        try (InputStream in = Files.newInputStream(ClbpoqGenerator.deployDirectory().resolve(ClbpoqGenerator.DICTIONARY))) {
            dictionary = DataDictionaryReader.create().read(in, ClbpoqGenerator.DICTIONARY);
        }
        StudySpec spec = new StudySpec("clbpoq", null, "group", OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")),
                DomainSource.ANNOTATION, List.of("age", "sex"), "80/15", null, null, "concord-results");
        LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary, OdmWriter.TITLE, List.of());
        assertEquals(57, loaded.study().outcomes().size());
        Set<String> domains = loaded.study().outcomes().stream().map(o -> o.domain()).collect(Collectors.toSet());
        assertEquals(17, domains.size());
        assertTrue(domains.contains("Physical functioning"));
        assertEquals(List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")),
                loaded.study().groups());
        assertEquals("record_id", loaded.recordIdField());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    }
}

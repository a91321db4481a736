package concord.server.config;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProjectConfigurationTest {
    @Test
    void bindsEveryProjectWithNestedPublishingOptionsAndHidesSecrets() {
        try (ApplicationContext ctx = ApplicationContext.run(Map.ofEntries(
                Map.entry("concord.runs.worker-enabled", "false"),
                Map.entry("datasources.default.url", "jdbc:h2:mem:cfg;DB_CLOSE_DELAY=-1"),
                Map.entry("concord.projects.clbp.api-url", "https://redcap.example.org/api/"),
                Map.entry("concord.projects.clbp.token", "0123456789ABCDEF0123456789ABCDEF"),
                Map.entry("concord.projects.clbp.group-field", "role"),
                Map.entry("concord.projects.clbp.outcomes", "ratings"),
                Map.entry("concord.projects.clbp.publish.folder", "Reports"),
                Map.entry("concord.projects.clbp.publish.results", "RECORD"),
                Map.entry("concord.projects.clbp.publish.formats", "pdf,json"),
                Map.entry("concord.projects.clbp.feedback.enabled", "true"),
                Map.entry("concord.projects.clbp.feedback.min-group-size", "7"),
                Map.entry("concord.projects.clbp.report-language", "zh-CN"),
                Map.entry("concord.projects.other.api-url", "https://redcap.example.org/api/"),
                Map.entry("concord.projects.other.group-field", "group")))) {
            ProjectRegistry registry = ctx.getBean(ProjectRegistry.class);
            assertEquals(List.of("clbp", "other"), registry.all().stream().map(ProjectConfiguration::id).toList());
            ProjectConfiguration clbp = registry.require("clbp");
            assertEquals(URI.create("https://redcap.example.org/api/"), clbp.apiUrl());
            assertEquals(List.of("ratings"), clbp.outcomes());
            assertEquals("Reports", clbp.publish().folder());
            assertEquals(ProjectConfiguration.PublishConfiguration.ResultsTarget.RECORD, clbp.publish().results());
            assertEquals("concord-results", clbp.publish().excludedStudyRecord());
            assertEquals(List.of("pdf", "json"), clbp.publish().formats());
            assertFalse(clbp.toString().contains("0123456789ABCDEF"));
            assertTrue(clbp.feedback().enabled());
            assertEquals(7, clbp.feedback().minGroupSize());
            assertEquals("concord_feedback_r{round}", clbp.feedback().fileField());
            ProjectConfiguration other = registry.require("other");
            assertEquals(List.of("@CONCORD-OUTCOME"), other.outcomes());
            assertEquals("80/15", other.consensus());
            assertEquals("Concord reports", other.publish().folder());
            assertTrue(other.publish().enabled());
            assertFalse(other.feedback().enabled());
            assertEquals(5, other.feedback().minGroupSize());
            assertEquals("zh", clbp.reportLanguage());
            assertEquals("en", other.reportLanguage(), "English unless configured");
            assertEquals("zh", clbp.topicGuide().language(), "the topic guide follows the report language unless set");
            assertEquals("en", other.topicGuide().language());
            assertTrue(clbp.toString().contains("reportLanguage=zh") && !other.toString().contains("reportLanguage"));
            String version = "1.0";
            assertFalse(concord.server.run.ConfigHash.of(clbp, version).equals(concord.server.run.ConfigHash.of(
                    withLanguage(clbp, "en"), version)), "a new language re-publishes");
        }
    }

    @Test
    void anUnknownReportLanguageFailsNamingTheKeyAndTheFileToAdd() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> withLanguage(ProjectConfigurationTestFixture.minimal(), "fr"));
        assertTrue(e.getMessage().contains("concord.projects.p.report-language") && e.getMessage().contains("messages_fr.properties"),
                e.getMessage());
    }

    private static ProjectConfiguration withLanguage(ProjectConfiguration p, String language) {
        return new ProjectConfiguration(p.id(), p.apiUrl(), p.token(), p.redcapProjectId(), p.title(), p.groupField(), p.outcomes(),
                p.domains(), p.demographicFields(), p.consensus(), p.event(), p.repeatInstance(), p.rounds(), p.roundField(),
                p.detSecret(), p.schedule(), p.publish(), p.qualitative(), p.topicGuide(), p.feedback(), language);
    }

    /** The smallest configuration, built directly. */
    private static final class ProjectConfigurationTestFixture {
        static ProjectConfiguration minimal() {
            return new ProjectConfiguration("p", URI.create("https://redcap.example.org/api/"), null, null, null, null, null, null,
                    null, null, null, null, null, null, null, null, null, null, null, null, null);
        }
    }
}

package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.Outcome;
import concord.analysis.RatingAccumulator;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.analysis.report.TopicGuideTemplate;
import concord.server.logging.CapturedLogs;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** When the dashboard shows the topic guide section, and what it says when the project's wording cannot be read. */
class DashboardTopicGuideTest {
    private static final List<String> PUBLISHED = List.of("html", "topic-guide-html", "topic-guide-docx");

    private static StudyResult result() {
        Study study = new Study("T", List.of(new Outcome("q1", "Body image", "Life impact")),
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")),
                concord.analysis.RatingScale.grade(), concord.analysis.ConsensusRule.defaults(), List.of());
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (int i = 0; i < 20; i++) {
            ratings.addParticipant(i % 2);
            ratings.add(i % 2, 0, i % 2 == 0 ? 2 : 8);
        }
        return StudyAnalyzer.withDefaults().analyze(ratings);
    }

    @Test
    void shownOnlyWhenTheRunPublishedAGuide() {
        assertTrue(DashboardController.topicGuide("p1", TopicGuideTemplate::english, Optional.of(result()), PUBLISHED).isPresent());
        assertFalse(DashboardController.topicGuide("p1", TopicGuideTemplate::english, Optional.of(result()), List.of("html"))
                .isPresent(), "no guide published, no section");
        assertFalse(DashboardController.topicGuide("p1", TopicGuideTemplate::english, Optional.empty(), PUBLISHED).isPresent());
    }

    @Test
    void anUnreadableTemplateLeavesTheSectionOutAndNamesProjectAndFix() {
        try (CapturedLogs logs = CapturedLogs.atDebug()) {
            assertTrue(DashboardController.topicGuide("clbp-site-a", () -> {
                throw new UncheckedIOException("topic-guide template /srv/guide.properties cannot be read",
                        new java.io.IOException("gone"));
            }, Optional.of(result()), PUBLISHED).isEmpty());
            assertTrue(logs.lines().stream().anyMatch(l -> l.contains("Project clbp-site-a")
                    && l.contains("/srv/guide.properties cannot be read") && l.contains("correct topic-guide.language or "
                    + "topic-guide.template")), () -> String.join("\n", logs.lines()));
        }
    }
}

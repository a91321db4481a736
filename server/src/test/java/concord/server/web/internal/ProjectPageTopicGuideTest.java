package concord.server.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.Outcome;
import concord.analysis.RatingAccumulator;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.analysis.report.TopicGuide;
import concord.analysis.report.TopicGuideTemplate;
import concord.server.web.Table1Query;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dashboard shows the focus-group topic guide a run published: its questions, escaped, and its downloads. */
class ProjectPageTopicGuideTest {
    private static final List<String> FORMATS = List.of("html", "topic-guide-html", "topic-guide-docx");

    /** Doctors rate "<b>Body image</b>" low and patients high; "Sleep" alike. */
    private static StudyResult result() {
        Study study = new Study("T", List.of(new Outcome("q1", "<b>Body image</b>", "Life impact"),
                new Outcome("q2", "Sleep", "Life impact")),
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")),
                concord.analysis.RatingScale.grade(), concord.analysis.ConsensusRule.defaults(), List.of());
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (int i = 0; i < 40; i++) {
            int g = i % 2;
            ratings.addParticipant(g);
            ratings.add(g, 0, g == 0 ? 2 + i % 3 : 7 + i % 3);
            ratings.add(g, 1, 4 + i % 5);
        }
        return StudyAnalyzer.withDefaults().analyze(ratings);
    }

    private static String page(StudyResult result, Optional<TopicGuide> guide) {
        return ProjectPage.render(new ProjectPage.Model("p1", "T", "alice", "csrf", Optional.empty(), Optional.of(result),
                Optional.empty(), List.of(), FORMATS, Table1Query.of(null, null, null), "", false, "en", guide));
    }

    @Test
    void theGuideIsASectionWithEveryDifferenceQuestion() {
        StudyResult result = result();
        TopicGuide guide = TopicGuide.of(result, TopicGuideTemplate.english());
        assertFalse(guide.differenceQuestions().isEmpty(), "the fixture has a difference");
        String page = page(result, Optional.of(guide));
        assertTrue(page.contains("id=\"topic-guide\""), "the section");
        assertTrue(page.contains("<a href=\"#topic-guide\">Topic guide</a>"), "in the navigation");
        for (TopicGuide.Question question : guide.differenceQuestions()) {
            String label = Html.escape(question.outcome().label());
            assertTrue(page.contains(label), () -> "question on " + label);
        }
        assertTrue(page.contains("&lt;b&gt;Body image&lt;/b&gt;"), "labels escaped");
        assertFalse(page.contains("<b>Body image</b>"), "no label as markup");
        assertTrue(page.contains("/dashboard/p1/downloads/topic-guide-docx\""), "the Word download");
    }

    @Test
    void noGuideNoSection() {
        String page = page(result(), Optional.empty());
        assertFalse(page.contains("id=\"topic-guide\""));
        assertFalse(page.contains("#topic-guide"));
    }
}

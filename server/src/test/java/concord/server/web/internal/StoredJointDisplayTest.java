package concord.server.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.CodedQuote;
import concord.analysis.Outcome;
import concord.analysis.RatingAccumulator;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The dashboard keeps a stored result's joint display, and shows its quotes escaped. */
class StoredJointDisplayTest {
    private static final String HOSTILE = "<script>alert(1)</script> \"x\" & 'y'";

    private static StudyResult withQuotes() {
        Study study = new Study("T", List.of(new Outcome("q1", "Pain", "Body"), new Outcome("q2", "Sleep", ""),
                new Outcome("q3", "Walking", "Body")),
                List.of(new StakeholderGroup("1", "Doctor"), new StakeholderGroup("2", "Patient")),
                concord.analysis.RatingScale.grade(), concord.analysis.ConsensusRule.defaults(), List.of());
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (int i = 0; i < 24; i++) {
            int g = i % 2;
            ratings.addParticipant(g);
            ratings.add(g, 0, g == 0 ? 8 + i % 2 : 2 + i % 3);
            ratings.add(g, 1, 1 + i % 9);
            ratings.add(g, 2, 5 + i % 3);
        }
        StudyResult result = StudyAnalyzer.withDefaults().analyze(ratings);
        return result.withQuotes(List.of(
                new CodedQuote("Whole person", List.of("q1", "q3"), "1", "D7", HOSTILE),
                new CodedQuote("Beyond pain", List.of("q1"), "2", "P27", "It hurts"),
                new CodedQuote("Whole person", List.of("q1"), "2", "P3", "Walking matters")),
                Map.of("q1", "Physiological/clinical", "q3", "Life impact"));
    }

    @Test
    void theJointDisplaySurvivesTheStoredJsonAndTheDashboardEscapesQuotes() {
        StudyResult result = withQuotes();
        String json = StudyResultJson.write(result);
        assertTrue(json.contains("\"jointDisplay\""), "the fixture has a joint display");
        StudyResult rebuilt = StoredResultReader.read(json.getBytes(StandardCharsets.UTF_8));
        assertEquals(json, StudyResultJson.write(rebuilt));
        assertTrue(rebuilt.jointDisplay().isPresent());

        String page = ProjectPage.render(new ProjectPage.Model("p1", "T", "alice", "csrf", Optional.empty(),
                Optional.of(rebuilt), Optional.empty(), List.of(), List.of("html", "docx", "topic-guide-html", "topic-guide-docx"),
                concord.server.web.Table1Query.of(null, null, null), "", false));
        assertTrue(page.contains("id=\"joint\""), "the joint display section");
        assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the quote, escaped");
        assertFalse(page.contains("<script>"), "no quote as markup");
        assertTrue(page.contains("Walking matters") && page.contains("P27"));
        assertTrue(page.contains("/dashboard/p1/downloads/topic-guide-html\">Focus-group topic guide</a>"), "linked from the section");
        assertTrue(page.contains("/dashboard/p1/downloads/topic-guide-docx\">Topic guide (Word)</a>"), "a download");
        assertTrue(page.contains("/dashboard/p1/downloads/docx\">Word (DOCX)</a>"), "the Word report");
    }

    @Test
    void aResultWithoutQuotesHasNoSection() {
        StudyResult plain = withQuotes();
        plain = new StudyResult(plain.title(), plain.groups(), plain.outcomes(), plain.participantCharacteristics(), plain.scale(),
                plain.consensusRule(), plain.options(), plain.methods());
        String json = StudyResultJson.write(plain);
        StudyResult rebuilt = StoredResultReader.read(json.getBytes(StandardCharsets.UTF_8));
        assertTrue(rebuilt.jointDisplay().isEmpty());
        String page = ProjectPage.render(new ProjectPage.Model("p1", "T", "alice", "csrf", Optional.empty(),
                Optional.of(rebuilt), Optional.empty(), List.of(), List.of(), concord.server.web.Table1Query.of(null, null, null),
                "", false));
        assertFalse(page.contains("id=\"joint\""));
    }
}

package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import concord.analysis.Consensus;
import concord.analysis.Outcome;
import concord.analysis.OutcomeResult;
import concord.analysis.RatingAccumulator;
import concord.analysis.RatingScale;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicGuideTest {

    static final StudyResult CLBP = StudyResults.clbp();

    private static TopicGuide.Question question(TopicGuide guide, String label) {
        return guide.differenceQuestions().stream().filter(q -> q.outcome().label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no question about " + label));
    }

    @Test
    void theGuideAsksAboutExactlyTheDifferingOutcomesOnce() {
        TopicGuide guide = TopicGuide.of(CLBP);
        List<String> asked = guide.differenceQuestions().stream().map(q -> q.outcome().field()).toList();
        Set<String> differing = CLBP.differingOutcomes().stream().map(o -> o.outcome().field()).collect(Collectors.toSet());
        assertEquals(differing, Set.copyOf(asked));
        assertEquals(asked.size(), Set.copyOf(asked).size());
        assertEquals(20, asked.size(), "the reconstructed study's differing outcomes (rule as stated, docs/reference-study.md)");
    }

    @Test
    void bodyImageIsStatedInPlainWordsAsThePaperAskedIt() {
        TopicGuide.Question q = question(TopicGuide.of(CLBP), "Body-image and appearance");
        assertEquals("The Patient group rated Body-image and appearance higher than the Doctor group (53 % vs 15 % rated it 7–9)."
                + " What do you think about this difference?", q.text().text());
        assertEquals(List.of(new TopicGuide.Span("The Patient group rated ", false),
                new TopicGuide.Span("Body-image and appearance", true)), q.text().spans().subList(0, 2));
        assertEquals(List.of("Patient"), q.higher());
        assertEquals(List.of("Doctor"), q.lower());
        assertEquals(Set.of(TopicGuide.Reason.RANK_TEST, TopicGuide.Reason.CHI_SQUARE), q.reasons());
        OutcomeResult result = CLBP.outcomes().stream().filter(o -> o.outcome().label().equals("Body-image and appearance")).findFirst().orElseThrow();
        assertEquals(Math.abs(result.comparison().effectSizes().r().getAsDouble()), q.effectSize(), 0);
        assertEquals("r", q.effectSizeName());
        assertEquals(List.of("Mann–Whitney U p = 0.008 (BH q = 0.077)", "Pearson χ² p = 0.009 (BH q = 0.080)",
                "exact p = 0.008 (BH q = 0.072)", "r = 0.35", "Cramér's V = 0.41"), q.figures());
    }

    @Test
    void qualityOfLifeDiffersByConsensusAndDoctorsRateItHigher() {
        TopicGuide.Question q = question(TopicGuide.of(CLBP), "Quality of life");
        assertEquals(Set.of(TopicGuide.Reason.CONSENSUS), q.reasons());
        assertEquals(List.of("Doctor"), q.higher());
        assertEquals("The Doctor group rated Quality of life higher than the Patient group (85 % vs 77 % rated it 7–9)."
                + " The consensus classes differ: critical importance for the Doctor group, no consensus for the Patient group."
                + " What do you think about this difference?", q.text().text());
        assertTrue(q.figures().contains("consensus classes: critical importance for the Doctor group, no consensus for the Patient group"),
                q.figures().toString());
        assertTrue(q.figures().get(0).startsWith("Mann–Whitney U p = 0.986"), q.figures().toString());
    }

    @Test
    void questionsAreOrderedByEffectSizeAndOpeningQuestionsAreTheSharedPriorities() {
        TopicGuide guide = TopicGuide.of(CLBP);
        assertEquals(1, guide.sections().size(), "the reconstructed study has no domains");
        assertEquals("(no domain)", guide.sections().get(0).heading());
        List<TopicGuide.Question> questions = guide.differenceQuestions();
        for (int i = 1; i < questions.size(); i++) {
            assertTrue(questions.get(i - 1).effectSize() >= questions.get(i).effectSize(), questions.get(i).outcome().label());
        }
        assertEquals("Intervertebral disc-related outcomes", questions.get(0).outcome().label());
        List<String> shared = CLBP.outcomes().stream().filter(o -> o.groups().values().stream()
                .allMatch(g -> g.consensus().orElse(null) == Consensus.CRITICAL)).map(o -> o.outcome().label()).toList();
        assertEquals(List.of("Pain/discomfort", "Activities of daily living"), shared);
        assertEquals(shared, guide.opening().stream().map(q -> q.outcome().label()).toList());
        assertEquals("Every group rated Pain/discomfort as critically important (Doctor 92 %, Patient 87 % rated it 7–9)."
                + " Why does this outcome matter to you?", guide.opening().get(0).text().text());
        assertTrue(guide.intro().contains("the Doctor group and the Patient group found 20 of 57 outcomes"), guide.intro());
    }

    @Test
    void domainsGroupTheQuestionsTheLargestEffectFirst() {
        StudyResult result = StudyResults.fromEngine();
        TopicGuide guide = TopicGuide.of(result);
        assertEquals(result.differingOutcomes().size(), guide.differenceQuestions().size());
        for (TopicGuide.Section section : guide.sections()) {
            assertTrue(section.questions().stream().allMatch(q -> q.outcome().domain().equals(section.domain())));
        }
        assertEquals(guide.sections().size(), guide.sections().stream().map(TopicGuide.Section::domain).distinct().count());
        for (int i = 1; i < guide.sections().size(); i++) {
            assertTrue(guide.sections().get(i - 1).questions().get(0).effectSize()
                    >= guide.sections().get(i).questions().get(0).effectSize());
        }
    }

    @Test
    void threeGroupsSayWhichGroupsDiffer() {
        StudyResult result = StudyResults.threeGroups();
        TopicGuide guide = TopicGuide.of(result);
        assertEquals(result.differingOutcomes().stream().map(o -> o.outcome().field()).collect(Collectors.toSet()),
                guide.differenceQuestions().stream().map(q -> q.outcome().field()).collect(Collectors.toSet()));
        TopicGuide.Question cost = question(guide, "Cost");
        assertTrue(cost.reasons().contains(TopicGuide.Reason.RANK_TEST), cost.reasons().toString());
        // Patients rate cost highest; the pairwise tests separate them from doctors and nurses.
        assertEquals(List.of("Patients"), cost.higher());
        assertEquals(List.of("Doctors", "Nurses"), cost.lower());
        assertTrue(cost.text().text().startsWith("The Patients group rated Cost higher than the Doctors group and the Nurses group"
                + " (Doctors 10 %, Patients 90 %, Nurses 20 % rated it 7–9)."), cost.text().text());
        assertEquals("V", cost.effectSizeName());
        assertTrue(cost.figures().stream().anyMatch(f -> f.startsWith("Kruskal–Wallis H p ")), cost.figures().toString());
        assertTrue(cost.figures().stream().anyMatch(f -> f.startsWith("Doctors vs Patients: adjusted p ")), cost.figures().toString());
    }

    @Test
    void anotherScaleQuotesItsOwnTopBand() {
        Study study = new Study("0–10", List.of(new Outcome("a", "Walking", "Physical"), new Outcome("b", "Sleep", "Physical")),
                List.of(new StakeholderGroup("1", "Clinicians"), new StakeholderGroup("2", "Carers")),
                RatingScale.of(0, 10, 3, 8), concord.analysis.ConsensusRule.defaults(), List.of());
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (int i = 0; i < 20; i++) {
            ratings.addParticipant(0);
            ratings.add(0, 0, i < 4 ? 9 : 2);
            ratings.add(0, 1, 9);
            ratings.addParticipant(1);
            ratings.add(1, 0, i < 15 ? 10 : 5);
            ratings.add(1, 1, 9);
        }
        TopicGuide guide = TopicGuide.of(StudyAnalyzer.withDefaults().analyze(ratings));
        assertEquals(1, guide.differenceQuestions().size());
        assertEquals("The Carers group rated Walking higher than the Clinicians group (75 % vs 20 % rated it 8–10)."
                + " What do you think about this difference?", guide.differenceQuestions().get(0).text().text());
        assertEquals(List.of("Sleep"), guide.opening().stream().map(q -> q.outcome().label()).toList());
        assertEquals("Physical", guide.sections().get(0).heading());
    }

    @Test
    void noDifferencesAndNoSharedPrioritiesGiveEmptyLists() {
        Study study = Study.of("Same", List.of(new Outcome("a", "Walking", "")),
                List.of(new StakeholderGroup("1", "A"), new StakeholderGroup("2", "B")));
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (int i = 0; i < 10; i++) {
            for (int g = 0; g < 2; g++) {
                ratings.addParticipant(g);
                ratings.add(g, 0, 4 + i % 3);
            }
        }
        TopicGuide guide = TopicGuide.of(StudyAnalyzer.withDefaults().analyze(ratings));
        assertTrue(guide.sections().isEmpty());
        assertTrue(guide.opening().isEmpty());
        assertFalse(guide.labels().differencesNone().isBlank());
    }

    @Test
    void chineseWording() {
        TopicGuide guide = TopicGuide.of(CLBP, TopicGuideTemplate.chinese());
        assertEquals("zh", guide.language());
        assertEquals("患者组对Body-image and appearance的评分高于医生组（53%对15%评为 7–9 分）。您如何看待这一差异？",
                question(guide, "Body-image and appearance").text().text().replace("Patient组", "患者组").replace("Doctor组", "医生组"));
        assertTrue(guide.title().startsWith("焦点小组访谈提纲："), guide.title());
        assertEquals("开场问题：共同的优先事项", guide.labels().openingHeading());
    }
}

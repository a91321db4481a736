package concord.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import concord.analysis.Outcome;
import concord.analysis.RatingAccumulator;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class Table1QueryTest {
    private static final StudyResult RESULT = result();

    private static StudyResult result() {
        Study study = Study.of("t", List.of(new Outcome("a", "Walking", "Function"), new Outcome("b", "anxiety", "Mind"),
                new Outcome("c", "Pain", "Function")), List.of(new StakeholderGroup("1", "D"), new StakeholderGroup("2", "P")));
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (int i = 0; i < 20; i++) {
            int g = i % 2;
            ratings.addParticipant(g);
            ratings.add(g, 0, 5 + i % 3);
            ratings.add(g, 1, g == 0 ? 9 : 1 + i % 2);     // differs strongly
            ratings.add(g, 2, g == 0 ? 7 + i % 3 : 5 + i % 3); // differs less
        }
        return StudyAnalyzer.withDefaults().analyze(ratings);
    }

    private static List<String> fields(Table1Query query) {
        return query.apply(RESULT).outcomes().stream().map(o -> o.outcome().field()).toList();
    }

    @Test
    void sortsAndFilters() {
        assertEquals(List.of("a", "b", "c"), fields(Table1Query.of(null, null, null)));
        assertEquals(List.of("b", "c", "a"), fields(Table1Query.of("outcome", null, null)), "case-insensitive A-Z");
        assertEquals(List.of("a", "c", "b"), fields(Table1Query.of("domain", null, null)));
        assertEquals(List.of("b", "c", "a"), fields(Table1Query.of("p", null, null)));
        assertEquals(List.of("b", "c", "a"), fields(Table1Query.of("differs", null, null)));
        assertEquals(List.of("a", "c"), fields(Table1Query.of(null, "Function", null)));
        assertEquals(List.of("b", "c"), fields(Table1Query.of(null, null, "YES")));
        assertEquals(List.of("a"), fields(Table1Query.of(null, null, "no")));
        assertEquals(List.of("c"), fields(Table1Query.of("p", "Function", "yes")));
        assertEquals(List.of(), fields(Table1Query.of(null, "Nope", null)));
    }

    @Test
    void unknownValuesFallBackAndDefaultsStayOutOfLinks() {
        Table1Query q = Table1Query.of("<script>", null, "maybe");
        assertEquals("study", q.sort());
        assertEquals("", q.differs());
        assertEquals(Map.of(), q.parameters());
        assertEquals(Map.of("sort", "p", "domain", "Mind"), q.withSort("p").withDomain("Mind").parameters());
        assertEquals(List.of("Function", "Mind"), Table1Query.domains(RESULT));
    }
}

package concord.server.publish;

import concord.analysis.DelphiAccumulator;
import concord.analysis.DelphiAnalyzer;
import concord.analysis.DelphiParticipant;
import concord.analysis.Outcome;
import concord.analysis.Round;
import concord.analysis.RatingAccumulator;
import concord.analysis.StakeholderGroup;
import concord.analysis.Study;
import concord.analysis.StudyAnalyzer;
import concord.analysis.StudyResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DashboardBodyTest {
    @Test
    void usesSmartFunctionsOverTheResultsFieldsAndEscapesRedcapTexts() {
        Study study = Study.of("Back <script>pain</script> [record-name]", List.of(new Outcome("pain", "Pain", "")),
                List.of(new StakeholderGroup("1", "Patients"), new StakeholderGroup("2", "Doctors")));
        RatingAccumulator ratings = new RatingAccumulator(study);
        ratings.addParticipant(0);
        ratings.add(0, 0, 8);
        ratings.addParticipant(1);
        ratings.add(1, 0, 3);
        StudyResult result = StudyAnalyzer.withDefaults().analyze(ratings);
        String html = DashboardBody.html(result);
        assertTrue(html.contains("[aggregate-max:concord_differing]"));
        assertTrue(html.contains("[stats-table:or_doctor_pct_critical,or_patient_pct_critical:count,min,median,mean,max]"));
        assertTrue(html.contains("[scatter-plot:or_doctor_mean,or_patient_mean]"));
        assertFalse(html.contains("<script>"), "REDCap texts are escaped");
        assertFalse(html.contains("[record-name]"), "a title cannot inject a smart variable");
        assertTrue(html.indexOf("Doctors") < html.indexOf("Patients"), "doctor fields are labelled with the doctor group");
    }

    @Test
    void threeGroupsReadTheGroupInstances() {
        Study study = Study.of("Back pain", List.of(new Outcome("pain", "Pain", "")), List.of(new StakeholderGroup("1", "Doctors"),
                new StakeholderGroup("2", "Patients"), new StakeholderGroup("3", "Physio <b>therapists</b>")));
        RatingAccumulator ratings = new RatingAccumulator(study);
        for (int g = 0; g < 3; g++) {
            ratings.addParticipant(g);
            ratings.add(g, 0, 3 + 2 * g);
        }
        String html = DashboardBody.html(StudyAnalyzer.withDefaults().analyze(ratings));
        assertTrue(html.contains("do Doctors, Patients and Physio &lt;b&gt;therapists&lt;/b&gt; value the same outcomes?"), html);
        assertTrue(html.contains("participants in 3 groups"), html);
        assertTrue(html.contains("[stats-table:gr_pct_critical,gr_mean,gr_median:count,min,median,mean,max]"), html);
        assertTrue(html.contains("[scatter-plot:gr_mean,gr_pct_critical]"), html);
        assertFalse(html.contains("or_doctor") || html.contains("concord_n_doctor"), "no role fields: they stay empty");
    }

    @Test
    void aDelphiStudyNamesItsRoundsAndWhereTheRoundsViewIs() {
        Study study = Study.of("Delphi", List.of(new Outcome("pain", "Pain", "")),
                List.of(new StakeholderGroup("1", "Patients"), new StakeholderGroup("2", "Doctors")));
        DelphiAccumulator counts = new DelphiAccumulator(study, List.of(new Round(1, "r1", "Round 1"),
                new Round(2, "r2", "Round <b>2</b> [record-name]")));
        counts.add(new DelphiParticipant("a", "1", Map.of(), Map.of(1, Map.of("pain", 8), 2, Map.of("pain", 9))));
        counts.add(new DelphiParticipant("b", "2", Map.of(), Map.of(1, Map.of("pain", 3))));
        String html = DashboardBody.html(DelphiAnalyzer.withDefaults().analyze(counts));
        assertTrue(html.contains("<h4>Delphi rounds</h4>"), html);
        assertTrue(html.contains("A Delphi study in 2 rounds (Round 1, Round &lt;b&gt;2&lt;/b&gt; &#91;record-name&#93;)"), html);
        assertTrue(html.contains("rounds.csv"));
        assertFalse(html.contains("[record-name]"), "a round label cannot inject a smart variable");
        StudyResult single = StudyAnalyzer.withDefaults().analyze(counts.round(1));
        assertFalse(DashboardBody.html(single).contains("Delphi rounds") || DashboardBody.html(single).contains("rounds.csv"), "a single survey has no rounds paragraph");
    }
}

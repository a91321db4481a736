package concord.analysis.reconstruction;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetReconstructorTest {

    static final DatasetReconstructor CLBP = ClbpTable.RECONSTRUCTOR;

    static PublishedTable table;
    static Reconstruction reconstruction;

    @BeforeAll
    static void reconstruct() {
        table = ClbpTable.table();
        reconstruction = ClbpTable.reconstruction();
    }

    @Test
    void reproducesEveryConsistentRowWithinRounding() {
        assertEquals(114, reconstruction.rows().size());
        for (ReconstructedRow row : reconstruction.rows()) {
            if (row.status() == RowStatus.CLOSEST) {
                continue;
            }
            PublishedRow p = row.published();
            ScoreHistogram h = row.histogram();
            for (Band band : Band.values()) {
                assertEquals(p.percent(band).value(), h.validPercent(band).orElseThrow(), 0.05 + 1e-9,
                        p.describe() + " " + band);
            }
            assertEquals(p.mean().value(), h.mean().orElseThrow(), 0.05 + 1e-9, p.describe() + " mean");
            assertEquals(p.sd().value(), h.standardDeviation().orElseThrow(), p.sd().tolerance(1) + 1e-9,
                    p.describe() + " SD");
            assertEquals(p.median().value(), h.median().orElseThrow(), 1e-9, p.describe() + " median");
            assertEquals(p.q1().value(), h.q1().orElseThrow(), 1e-9, p.describe() + " q1");
            assertEquals(p.q3().value(), h.q3().orElseThrow(), 1e-9, p.describe() + " q3");
            assertTrue(row.discrepancies().isEmpty());
        }
        assertEquals(103, reconstruction.rows(RowStatus.MATCHED).size());
        assertEquals(4, reconstruction.rows(RowStatus.MATCHED_AFTER_REPAIR).size());
    }

    @Test
    void reportsExactlyTheInconsistentRows() {
        Set<String> closest = reconstruction.rows(RowStatus.CLOSEST).stream()
                .map(r -> r.outcome() + "/" + r.group()).collect(Collectors.toSet());
        assertEquals(Set.of(
                // the typos listed in clbp-table1-notes.md
                "Effective rate/Patient", "Social Dysfunction/Doctor", "Therapeutic safety/Patient",
                "Locomotor function/Doctor",
                // found by the reconstruction: 53.5% is not a whole count of 22–26 (14/26 = 53.8%)
                "Sexual life/function/Doctor",
                // q1 4.75 needs the 6th and 7th lowest ratings to be 4 and 5, but 6 of 26 rated 1–3
                "Intervertebral disc-related outcomes/Doctor",
                // SD 0.91 is not attainable with 24/2/0 of 26, mean 8.0 and median 8 (7, 9): 0.916 at best
                "Activities of daily living/Doctor"), closest);
        for (ReconstructedRow row : reconstruction.rows(RowStatus.CLOSEST)) {
            assertEquals(1, row.discrepancies().size(), row.published().describe() + " " + row.discrepancies());
        }
    }

    @Test
    void readsTheTyposAsTheNotesSuggest() {
        assertCounts("Effective rate", "Patient", 22, 6, 0);       // 78.6/21.4/0 of 28
        assertCounts("Social Dysfunction", "Doctor", 5, 10, 11);   // 42.3% not important
        assertCounts("Therapeutic safety", "Patient", 24, 3, 3);   // 10.0%, not 100.0%
        assertCounts("Locomotor function", "Doctor", 24, 1, 1);    // 3.85% printed once as 3.9
        assertCounts("Stigmatization", "Doctor", 1, 9, 15);        // n = 25
        assertCounts("Stigmatization", "Patient", 13, 2, 13);      // n = 28
        Discrepancy d = reconstruction.row("Therapeutic safety", "Patient").orElseThrow().discrepancies().get(0);
        assertEquals(Statistic.PERCENT_BOTTOM, d.statistic());
        assertEquals("100.0", d.printed());
        assertEquals("10.0", d.reconstructed());
    }

    private static void assertCounts(String outcome, String group, int top, int middle, int bottom) {
        ScoreHistogram h = reconstruction.row(outcome, group).orElseThrow().histogram();
        assertEquals(List.of((long) top, (long) middle, (long) bottom),
                List.of(h.bandCount(Band.TOP), h.bandCount(Band.MIDDLE), h.bandCount(Band.BOTTOM)), outcome);
    }

    @Test
    void prefersTheLargerNWhenSeveralFit() {
        ReconstructedRow posture = reconstruction.row("Posture and gait", "Patient").orElseThrow();
        assertEquals(30, posture.n());   // 80/20/0 is 20/5/0 of 25 as well as 24/6/0 of 30
        assertTrue(posture.notes().get(0).contains("[25]"), posture.notes().get(0));
    }

    @Test
    void theSameSeedGivesTheSameDataAndAnotherSeedOtherData() {
        Reconstruction again = CLBP.reconstruct(table);
        Reconstruction other = CLBP.withSeed(7).withRankSumMatching(false).reconstruct(table);
        int differ = 0;
        for (int i = 0; i < reconstruction.rows().size(); i++) {
            assertArrayEquals(reconstruction.rows().get(i).histogram().counts(), again.rows().get(i).histogram().counts());
            if (!reconstruction.rows().get(i).histogram().equals(other.rows().get(i).histogram())) {
                differ++;
            }
            assertEquals(reconstruction.rows().get(i).status(), other.rows().get(i).status());
        }
        assertTrue(differ > 50, "only " + differ + " rows changed with another seed");
    }

    @Test
    void pairsHistogramsToMeetThePrintedRankSumP() {
        List<RankSumMatch> matches = reconstruction.rankSumMatches();
        assertEquals(57, matches.size());
        Set<String> unattainable = matches.stream().filter(m -> !m.agrees()).map(RankSumMatch::outcome)
                .collect(Collectors.toSet());
        // ADL: 1 × 3 fitting histograms, none with P 0.775; attention and re-operation: no pair reaches it
        assertEquals(Set.of("Activities of daily living", "Attention", "Re-operation rate"), unattainable);
        RankSumMatch pain = matches.stream().filter(m -> m.outcome().equals("Pain/discomfort")).findFirst().orElseThrow();
        assertEquals("0.338", pain.printed());
        assertTrue(RankSumMatch.agrees("0.338", pain.reconstructed()), String.valueOf(pain.reconstructed()));
        assertTrue(RankSumMatch.agrees("<0.001", 0.0004));
        assertTrue(RankSumMatch.agrees("0.46", 0.4604));
        assertTrue(!RankSumMatch.agrees("0.46", 0.4606));
        assertTrue(CLBP.withRankSumMatching(false).reconstruct(
                new PublishedTable("x", table.rows().subList(0, 2))).rankSumMatches().isEmpty());
    }

    @Test
    void aRowPrintedFromKnownDataIsReproduced() {
        ScoreHistogram h = ScoreHistogram.ofScores(RatingScale.grade(), 1, 4, 5, 5, 6, 7, 7, 8, 9, 9);
        // 10 ratings: 50/40/10, mean 6.1, SD 2.47, median 6.5, q1 4.75, q3 8.25
        String body = "X\tG\t50.0%\t40.0%\t10.0%\t\t6.1(2.5)\t6.5(4.75,8.25)\t\n";
        Reconstruction r = DatasetReconstructor.withDefaults().withGroupSize("G", 8, 12)
                .reconstruct(PublishedTableReader.withDefaults().read(new StringReader(
                        PublishedTableReaderTest_HEADER + body), "x.tsv"));
        ReconstructedRow row = r.rows().get(0);
        assertEquals(RowStatus.MATCHED, row.status());
        assertEquals(10, row.n());
        assertEquals(h.median(), row.histogram().median());
        assertTrue(row.alternatives() >= 1);
    }

    @Test
    void unreadableCellsConstrainNothingButDoNotCrash() {
        String body = "X\tG\t??\t40.0%\t10.0%\t\tn/a\t6.5(4.75\t\n";
        Reconstruction r = DatasetReconstructor.withDefaults().withGroupSize("G", 10, 10)
                .reconstruct(PublishedTableReader.withDefaults().read(new StringReader(
                        PublishedTableReaderTest_HEADER + body), "x.tsv"));
        ReconstructedRow row = r.rows().get(0);
        assertEquals(10, row.n());
        assertEquals(4, row.histogram().bandCount(Band.MIDDLE));
        assertEquals(RowStatus.MATCHED_AFTER_REPAIR, row.status());
    }

    @Test
    void aGroupWithoutSizeRangeIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> DatasetReconstructor.withDefaults().withGroupSize("Doctor", 22, 26).reconstruct(table));
        assertTrue(e.getMessage().contains("'Patient'"), e.getMessage());
        assertNotEquals(CLBP.seed(), CLBP.withSeed(3).seed());
    }

    static final String PublishedTableReaderTest_HEADER = "outcome\tgroup\tpct_important_7_9\tpct_neutral_4_6"
            + "\tpct_not_important_1_3\tp_chisq\tmean_sd\tmedian_q1_q3\tp_rank_sum\n";
}

package concord.analysis.reconstruction;

import concord.analysis.Band;
import concord.analysis.RatingScale;
import concord.analysis.ScoreHistogram;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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
    void reproducesEveryPrintedCellOfEveryConsistentRowAtItsOwnPrecision() {
        assertEquals(114, reconstruction.rows().size());
        for (ReconstructedRow row : reconstruction.rows()) {
            if (row.status() == RowStatus.NONE) {
                continue;
            }
            PublishedRow p = row.published();
            ScoreHistogram h = row.histogram();
            for (Band band : Band.values()) {
                assertEquals(p.percent(band).value(), h.validPercent(band).orElseThrow(), 0.05 + 1e-9,
                        p.describe() + " " + band);
            }
            assertEquals(p.mean().value(), h.mean().orElseThrow(), p.mean().tolerance() + 1e-9, p.describe() + " mean");
            assertEquals(p.sd().value(), h.standardDeviation().orElseThrow(), p.sd().tolerance() + 1e-9,
                    p.describe() + " SD");
            for (Statistic s : List.of(Statistic.MEDIAN, Statistic.Q1, Statistic.Q3)) {
                PrintedNumber printed = s.printedIn(p);
                assertTrue(printed.agrees(s == Statistic.MEDIAN ? h.median().orElseThrow()
                        : s == Statistic.Q1 ? h.q1().orElseThrow() : h.q3().orElseThrow()), p.describe() + " " + s);
            }
            assertTrue(row.discrepancies().isEmpty() && row.impossible().isEmpty());
            assertTrue(row.consistent() >= 1 && row.alternatives() >= 1);
        }
        assertEquals(1, reconstruction.rows(RowStatus.UNIQUE).size());
        assertEquals(107, reconstruction.rows(RowStatus.SEVERAL).size());
        assertEquals(4, reconstruction.rows().stream().filter(ReconstructedRow::repaired).count());
    }

    /** The row: mean printed "8" is 7.5–8.5, so exactly one histogram of 26 answers fits. */
    @Test
    void activitiesOfDailyLivingOfDoctorsHasExactlyOneHistogram() {
        ReconstructedRow adl = reconstruction.row("Activities of daily living", "Doctor").orElseThrow();
        assertEquals(RowStatus.UNIQUE, adl.status());
        assertEquals("unique", adl.verdict());
        assertArrayEquals(new long[] {0, 0, 0, 0, 0, 2, 6, 11, 7}, adl.histogram().counts());
        assertEquals(0.909, adl.histogram().standardDeviation().orElseThrow(), 0.0005);
        ReconstructedRow attention = reconstruction.row("Attention", "Doctor").orElseThrow();
        assertEquals("several (" + attention.consistent() + ")", attention.verdict());
        assertTrue(attention.consistent() > 1000, attention.verdict());
    }

    @Test
    void namesTheImpossibleCellOfEveryInconsistentRowAndWhy() {
        Map<String, String> impossible = new TreeMap<>();
        for (ReconstructedRow row : reconstruction.rows(RowStatus.NONE)) {
            assertEquals(0, row.consistent());
            assertEquals(1, row.discrepancies().size(), row.published().describe() + " " + row.discrepancies());
            impossible.put(row.outcome() + "/" + row.group(), row.impossible().stream()
                    .map(c -> c.statistics().get(0).label() + " " + c.printed().get(0)).collect(Collectors.joining(" | ")));
        }
        assertEquals(Map.of(
                // the typos listed in clbp-table1-notes.md: the percentages do not add up to 100
                "Effective rate/Patient", "% 7–9 78.6 | % 4–6 24.1",
                "Social Dysfunction/Doctor", "% 1–3 15.4",
                "Therapeutic safety/Patient", "% 1–3 100.0",
                // found by the reconstruction
                "Locomotor function/Doctor", "% 1–3 3.9",
                "Sexual life/function/Doctor", "% 4–6 53.5",
                "Intervertebral disc-related outcomes/Doctor", "q1 4.75"), impossible);
        String disc = reconstruction.row("Intervertebral disc-related outcomes", "Doctor").orElseThrow().verdict();
        assertTrue(disc.startsWith("none: q1 4.75 is impossible: q1 of 26 answers lies at position 6.75"), disc);
        assertTrue(disc.contains("needs the 6th and 7th lowest to be 1 and 6 or 4 and 5"), disc);
        assertTrue(disc.contains("4 and 5 contradict the band counts: with 6 answers at 1–3 and 11 at 4–6 the 6th lowest is at 1–3"), disc);
        assertTrue(disc.contains("1 and 6 contradict SD 1.7 and median 5.5"), disc);
        String locomotor = reconstruction.row("Locomotor function", "Doctor").orElseThrow().verdict();
        assertTrue(locomotor.contains("no count out of n = 22–26 answers prints as 3.9 % (3.85–3.95 %): 1 of 26 is 3.8 %"), locomotor);
        String sexual = reconstruction.row("Sexual life/function", "Doctor").orElseThrow().verdict();
        assertTrue(sexual.contains("14 of 26 is 53.8 %"), sexual);
    }

    @Test
    void givesUpTheImpossibleCellAndKeepsThePrintedTopBand() {
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
        assertTrue(d.reason().startsWith("100.0 % is 30 of 30"), d.reason());
    }

    private static void assertCounts(String outcome, String group, int top, int middle, int bottom) {
        ScoreHistogram h = reconstruction.row(outcome, group).orElseThrow().histogram();
        assertEquals(List.of((long) top, (long) middle, (long) bottom),
                List.of(h.bandCount(Band.TOP), h.bandCount(Band.MIDDLE), h.bandCount(Band.BOTTOM)), outcome);
    }

    /** Two cells wrong in one row: no single cell explains it, the pair does. */
    @Test
    void aRowWithTwoWrongCellsNamesThePair() {
        // 10 answers 1, 4, 5, 5, 6, 7, 7, 8, 9, 9 with the mean and the median both misprinted
        String body = "X\tG\t50.0%\t40.0%\t10.0%\t\t3.1(2.5)\t2(4.75,8.25)\t\n";
        ReconstructedRow row = DatasetReconstructor.withDefaults().withGroupSize("G", 10, 10)
                .reconstruct(PublishedTableReader.withDefaults().read(new StringReader(
                        PublishedTableReaderTest_HEADER + body), "x.tsv")).rows().get(0);
        assertEquals(RowStatus.NONE, row.status());
        // either the mean and the median are wrong, or two of the percentages (then most answers are low)
        assertEquals(List.of(List.of(Statistic.PERCENT_TOP, Statistic.PERCENT_BOTTOM), List.of(Statistic.MEAN, Statistic.MEDIAN)),
                row.impossible().stream().map(ImpossibleCell::statistics).toList());
        assertTrue(row.verdict().contains("mean 3.1 and median 2 cannot both hold: neither can be left out alone"), row.verdict());
        // the printed % 7–9 is kept
        assertEquals(List.of(Statistic.MEAN, Statistic.MEDIAN), row.discrepancies().stream().map(Discrepancy::statistic).toList());
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
        // ADL: 1 × 6 fitting histograms, none with P 0.775; attention (all 2.6 million pairs) and re-operation: no pair reaches it
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
        assertEquals(RowStatus.UNIQUE, row.status());
        assertEquals(h, row.histogram());
        assertEquals(1, row.alternatives());
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
        assertTrue(row.repaired(), row.verdict());
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

package concord.analysis.reconstruction;

import concord.analysis.Band;
import org.junit.jupiter.api.Test;

import java.io.StringReader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PublishedTableReaderTest {

    private static final String HEADER = "outcome\tgroup\tpct_important_7_9\tpct_neutral_4_6\tpct_not_important_1_3"
            + "\tp_chisq\tmean_sd\tmedian_q1_q3\tp_rank_sum\n";

    private static PublishedTable read(String body) {
        return PublishedTableReader.withDefaults().read(new StringReader(HEADER + body), "test.tsv");
    }

    @Test
    void readsThePapersTable1() {
        PublishedTable table = PublishedTableReader.withDefaults().read(SharedReference.table1());
        assertEquals(114, table.rows().size());
        assertEquals(57, table.outcomes().size());
        assertEquals(java.util.List.of("Doctor", "Patient"), table.groups());
        PublishedRow pain = table.row("Pain/discomfort", "Patient").orElseThrow();
        assertEquals(86.7, pain.percent(Band.TOP).value());
        assertEquals(8.2, pain.mean().value());
        assertEquals(1.3, pain.sd().value());
        assertEquals(9, pain.median().value());
        assertEquals(8, pain.q1().value());
        assertEquals(9, pain.q3().value());
        assertEquals("0.338", table.row("Pain/discomfort", "Doctor").orElseThrow().pRankSum());
        assertEquals("<0.001", table.row("Intervertebral disc-related outcomes", "Doctor").orElseThrow().pRankSum());
        assertTrue(pain.problems().isEmpty());
    }

    @Test
    void keepsTheDecimalsAsPrinted() {
        PublishedRow adl = PublishedTableReader.withDefaults().read(SharedReference.table1())
                .row("Activities of daily living", "Doctor").orElseThrow();
        assertEquals(0, adl.mean().decimals());
        assertEquals(2, adl.sd().decimals());
        // each number at its own printed precision: "8" is 7.5–8.5, "0.91" is 0.905–0.915
        assertEquals(0.005, adl.sd().tolerance(), 1e-12);
        assertEquals(0.5, adl.mean().tolerance(), 1e-12);
        assertEquals("7.5–8.5", adl.mean().interval());
        assertTrue(adl.mean().agrees(7.885) && !adl.mean().agrees(8.51));
        assertEquals(0.0005, PrintedNumber.parse("0.46").tolerance(3), 1e-12);
    }

    @Test
    void repairsTheFourGarbledQuartiles() {
        PublishedTable table = PublishedTableReader.withDefaults().read(SharedReference.table1());
        double[][] expected = {{5, 8.25}, {3, 7.25}, {5, 7.25}, {3, 5.25}};
        String[] outcomes = {"Posture and gait", "Social role", "Coping capacity", "Self-esteem"};
        for (int i = 0; i < outcomes.length; i++) {
            PublishedRow row = table.row(outcomes[i], "Doctor").orElseThrow();
            assertEquals(expected[i][0], row.q1().value(), outcomes[i]);
            assertEquals(expected[i][1], row.q3().value(), outcomes[i]);
            assertEquals(1, row.problems().size(), outcomes[i]);
            assertTrue(row.problems().get(0).contains("garbled"), row.problems().get(0));
        }
    }

    @Test
    void recordsPercentagesThatDoNotSumTo100() {
        PublishedTable table = PublishedTableReader.withDefaults().read(SharedReference.table1());
        assertTrue(table.row("Effective rate", "Patient").orElseThrow().problems().get(0).contains("102.7%"));
        assertTrue(table.row("Social Dysfunction", "Doctor").orElseThrow().problems().get(0).contains("73.1%"));
        assertTrue(table.row("Therapeutic safety", "Patient").orElseThrow().problems().get(0).contains("190.0%"));
        assertTrue(table.row("Sexual life/function", "Doctor").orElseThrow().problems().get(0).contains("99.7%"));
        // 92.3 + 3.8 + 3.9 = 100.0: its inconsistency only shows when n is inferred.
        assertTrue(table.row("Locomotor function", "Doctor").orElseThrow().problems().isEmpty());
        assertEquals(8, table.rowsWithProblems().size());
    }

    @Test
    void neverThrowsOnGarbageCells() {
        PublishedTable table = read("X\tDoctor\tabc\t\t12.5\t\tseven(1)\t8(9,7)\t\n"
                + "Y\tPatient\t50%\t50%\n");
        PublishedRow x = table.rows().get(0);
        assertFalse(x.percent(Band.TOP).present());
        assertFalse(x.percent(Band.MIDDLE).present());
        assertEquals(12.5, x.percent(Band.BOTTOM).value());
        assertFalse(x.mean().present());
        assertEquals(8, x.median().value());
        assertFalse(x.q1().present());
        assertEquals(4, x.problems().size(), x.problems().toString());
        PublishedRow y = table.rows().get(1);
        assertFalse(y.mean().present());
        assertEquals(3, y.line());
    }

    @Test
    void aMissingColumnNamesTheFileAndTheColumn() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () ->
                PublishedTableReader.withDefaults().read(new StringReader("outcome\tgroup\tmean_sd\n"), "t.tsv"));
        assertTrue(e.getMessage().contains("t.tsv") && e.getMessage().contains("median_q1_q3"), e.getMessage());
    }
}

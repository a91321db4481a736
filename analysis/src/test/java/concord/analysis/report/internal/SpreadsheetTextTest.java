package concord.analysis.report.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpreadsheetTextTest {

    @Test
    void prefixesTextThatASpreadsheetWouldEvaluate() {
        assertEquals("'=HYPERLINK(\"http://x\",\"y\")", SpreadsheetText.neutralise("=HYPERLINK(\"http://x\",\"y\")"));
        assertEquals("'+cmd|' /C calc'!A0", SpreadsheetText.neutralise("+cmd|' /C calc'!A0"));
        assertEquals("'-2+3", SpreadsheetText.neutralise("-2+3"));
        assertEquals("'@SUM(A1)", SpreadsheetText.neutralise("@SUM(A1)"));
        assertEquals("'\t=1", SpreadsheetText.neutralise("\t=1"));
        assertEquals("'\r=1", SpreadsheetText.neutralise("\r=1"));
    }

    @Test
    void leavesOrdinaryTextAndPlainNumbersAlone() {
        assertEquals("Pain/discomfort", SpreadsheetText.neutralise("Pain/discomfort"));
        assertEquals("-1.96", SpreadsheetText.neutralise("-1.96"));
        assertEquals("+3", SpreadsheetText.neutralise("+3"));
        assertEquals("a=b", SpreadsheetText.neutralise("a=b"));
        assertEquals("", SpreadsheetText.neutralise(""));
    }
}

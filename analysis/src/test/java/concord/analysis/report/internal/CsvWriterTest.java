package concord.analysis.report.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvWriterTest {

    @Test
    void writesRfc4180WithBomQuotingAndNeutralisedText() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CsvWriter csv = new CsvWriter(bytes)) {
            csv.row(List.of(CsvWriter.Cell.text("a,b"), CsvWriter.Cell.text("say \"hi\""), CsvWriter.Cell.number("-1.5")));
            csv.row(List.of(CsvWriter.Cell.text("=1+1"), CsvWriter.Cell.text("line\nbreak"), CsvWriter.Cell.empty()));
        }
        byte[] all = bytes.toByteArray();
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(all, 3));
        String text = new String(all, 3, all.length - 3, StandardCharsets.UTF_8);
        assertEquals("\"a,b\",\"say \"\"hi\"\"\",-1.5\r\n'=1+1,\"line\nbreak\",\r\n", text);
    }
}

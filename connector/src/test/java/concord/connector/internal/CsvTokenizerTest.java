package concord.connector.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte tokenizer reads exactly what Concord's readers read before it (Jackson's CSV parser over a UTF-8
 * decoder with replacement, empty lines skipped): the same rows, cells and line numbers for every input
 * Jackson reads, and an error for every input Jackson rejects. Random inputs from the characters that
 * matter (quotes, separators, line ends, spaces, tabs, a byte-order mark, malformed UTF-8).
 */
class CsvTokenizerTest {

    private static final CsvMapper JACKSON = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    private static final byte[][] PIECES = {{'a'}, {'1'}, {'7'}, {' '}, {' '}, {'\t'}, {'"'}, {'"'}, {','}, {','},
            {'\r'}, {'\n'}, {'\n'}, {'\r', '\n'}, {(byte) 0xC3, (byte) 0xA9}, {(byte) 0xFF}, {(byte) 0xC3}, {0x0B},
            {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, {(byte) 0xE2, (byte) 0x80}, {'x', 'y', 'z'}, {'"', '"'}, {0x01}, {0x7F}, {0x00}};

    /** What a reader returned: rows as "line:cell|cell|..." and, if it failed, "error" last. */
    private static List<String> jackson(byte[] input) {
        List<String> out = new ArrayList<>();
        try {
            Reader reader = new InputStreamReader(new ByteArrayInputStream(input), StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            PushbackReader pushback = new PushbackReader(reader, 1);
            int first = pushback.read();
            if (first != -1 && first != '\uFEFF') {
                pushback.unread(first);
            }
            MappingIterator<String[]> rows = JACKSON.readerFor(String[].class).readValues(pushback);
            while (rows.hasNextValue()) {
                long line = rows.getCurrentLocation().getLineNr();
                out.add(line + ":" + String.join("|", rows.nextValue()));
            }
        } catch (IOException | RuntimeException e) {
            out.add("error");
        }
        return out;
    }

    private static List<String> tokenizer(CsvTokenizer t) {
        List<String> out = new ArrayList<>();
        try {
            while (t.next()) {
                out.add(t.row().line() + ":" + String.join("|", t.row().texts()));
            }
        } catch (CsvFormatException e) {
            out.add("error");
        }
        return out;
    }

    private static byte[] random(SplittableRandom random, int pieces) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < pieces; i++) {
            out.writeBytes(PIECES[random.nextInt(PIECES.length)]);
        }
        return out.toByteArray();
    }

    @Test
    void readsWhatJacksonReadsOnRandomInput() {
        SplittableRandom random = new SplittableRandom(42);
        for (int n = 0; n < 60_000; n++) {
            byte[] input = random(random, random.nextInt(1, 30));
            List<String> expected = jackson(input);
            List<String> actual = tokenizer(CsvTokenizer.of(new ByteArrayInputStream(input), 1 + random.nextInt(8)));
            if (!expected.equals(actual)) {
                fail("input " + Arrays.toString(input) + " (\"" + new String(input, StandardCharsets.UTF_8)
                        .replace("\r", "\\r").replace("\n", "\\n") + "\"): Jackson " + expected + ", tokenizer " + actual);
            }
        }
    }

    @Test
    void fileRangesCutAtLineStartsReadLikeTheWholeFile(@TempDir Path dir) throws IOException {
        SplittableRandom random = new SplittableRandom(7);
        Path file = dir.resolve("rows.csv");
        for (int n = 0; n < 800; n++) {
            byte[] input = random(random, random.nextInt(1, 60));
            Files.write(file, input);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                List<String> whole = tokenizer(CsvTokenizer.of(channel, 0, Long.MAX_VALUE));
                for (int cut = 1; cut < input.length; cut++) {
                    if (input[cut - 1] != '\n') {
                        continue;
                    }
                    CsvTokenizer first = CsvTokenizer.of(channel, 0, cut);
                    List<String> rows = tokenizer(first);
                    if (rows.contains("error") || first.offset() != cut) {
                        continue; // the cut was inside a quoted cell: the caller sees offset() != cut and reads again
                    }
                    CsvTokenizer second = CsvTokenizer.of(channel, cut, Long.MAX_VALUE, first.line());
                    rows.addAll(tokenizer(second));
                    assertEquals(whole, rows, "cut at " + cut + " of " + Arrays.toString(input));
                }
            }
        }
    }

    @Test
    void quotedCellsKeepCommasQuotesAndLineBreaksAndCountLines() {
        byte[] csv = "a,b\r\n\"x, \"\"y\"\"\r\nz\",2\n\n  3,\"\"\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(List.of("1:a|b", "2:x, \"y\"\r\nz|2", "5:3|"), tokenizer(CsvTokenizer.of(new ByteArrayInputStream(csv))));
    }

    @Test
    void anUnclosedQuoteNamesItsLine() {
        CsvTokenizer t = CsvTokenizer.of(new ByteArrayInputStream("a,b\n1,2\n3,\"open\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(t.next());
        assertTrue(t.next());
        CsvFormatException e = assertThrows(CsvFormatException.class, t::next);
        assertEquals(3, e.line());
        assertTrue(e.getMessage().contains("not closed"), e.getMessage());
    }

    @Test
    void rowsLongerThanTheBufferGrowIt() {
        String cell = "x".repeat(100_000);
        InputStream in = new ByteArrayInputStream(("a,b\n" + cell + ",\"" + cell + "\"\n").getBytes(StandardCharsets.UTF_8));
        CsvTokenizer t = CsvTokenizer.of(in, 16);
        assertTrue(t.next());
        assertTrue(t.next());
        assertEquals(List.of(cell, cell), Arrays.asList(t.row().texts()));
    }
}

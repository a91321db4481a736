package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.lowagie.text.pdf.PdfReader;
import concord.analysis.Consensus;
import concord.analysis.StudyResult;
import concord.analysis.StudyResultJson;
import concord.analysis.report.internal.Numbers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;

/**
 * The "Delphi rounds" section of every report format shows the same rows and numbers as the
 * result's JSON ({@code stability}, {@code attrition}, {@code delphi}); single surveys have none.
 */
class RoundsReportTest {
    static final ReportContext CONTEXT = ReportContext.undated();

    static final StudyResult RESULT = RoundsExample.result();

    /** The rows every format must show, per table id, built from the JSON alone. */
    static Map<String, List<List<String>>> expected() throws Exception {
        JsonNode json = new ObjectMapper().readTree(StudyResultJson.write(RESULT));
        List<String> roundLabels = new ArrayList<>();
        json.get("rounds").forEach(r -> roundLabels.add(r.get("label").asText()));
        Map<String, List<List<String>>> tables = new LinkedHashMap<>();
        List<List<String>> consensus = new ArrayList<>();
        List<List<String>> stability = new ArrayList<>();
        for (JsonNode outcome : json.get("stability")) {
            String label = outcome.get("label").asText();
            outcome.get("groups").fields().forEachRemaining(g -> {
                JsonNode s = g.getValue();
                List<String> row = new ArrayList<>(List.of(label, g.getKey()));
                s.get("consensusByRound").forEach(c -> row.add(c.isNull() ? "no answers" : consensusLabel(c.asText())));
                row.add(s.get("consensusReachedInRound").isNull() ? "no consensus" : s.get("consensusReachedInRound").asText());
                consensus.add(row);
                JsonNode changes = s.get("changes");
                JsonNode last = changes.size() == 0 ? null : changes.get(changes.size() - 1);
                String verdict = s.get("stable").isNull() ? "not judged" : s.get("stable").asBoolean() ? "stable" : "not stable";
                String why = last == null ? "fewer than two rounds with answers" : last.get("stable").isNull()
                        ? last.get("notComputable").path("stable").asText() : join(last.get("reasons"));
                stability.add(List.of(label, g.getKey(), last == null ? "" : last.get("fromRound").asText() + "\u2192" + last.get("toRound").asText(),
                        last == null ? "0" : last.get("pairs").asText(), last == null ? Numbers.NOT_COMPUTABLE : p(last.path("wilcoxon").path("p")),
                        last == null ? Numbers.NOT_COMPUTABLE : percent(last.get("pctChangedBand")), verdict, why));
            });
        }
        tables.put("rounds-consensus", consensus);
        tables.put("rounds-stability", stability);
        List<JsonNode> attrition = new ArrayList<>();
        json.get("attrition").get("groups").forEach(attrition::add);
        attrition.add(json.get("attrition").get("all"));
        List<List<String>> response = new ArrayList<>();
        List<List<String>> summary = new ArrayList<>();
        List<List<String>> dropouts = new ArrayList<>();
        for (JsonNode g : attrition) {
            String group = g.get("group").isNull() ? "All participants" : g.get("group").asText();
            for (JsonNode r : g.get("rounds")) {
                response.add(List.of(group, roundLabels.get(r.get("round").asInt() - 1), g.get("panel").asText(), r.get("respondents").asText(),
                        percent(r.get("pctOfPanel")), percent(r.get("pctOfFirstRound")), percent(r.get("pctOfPrevious"))));
            }
            summary.add(List.of(group, g.get("panel").asText(), g.get("completers").asText(), g.get("dropouts").asText()));
            for (JsonNode c : g.get("comparisons")) {
                dropouts.add(List.of(group, c.get("label").asText(), c.get("completers").get("n").asText(), c.get("dropouts").get("n").asText(),
                        p(c.path("mannWhitney").path("p")), p(c.get("q")), c.get("flagged").asBoolean() ? "yes" : "no",
                        c.path("mannWhitney").isNull() ? c.get("notComputable").path("mannWhitney").asText() : ""));
            }
        }
        tables.put("rounds-response", response);
        tables.put("rounds-dropout-summary", summary);
        tables.put("rounds-dropouts", dropouts);
        return tables;
    }

    @Test
    void theExpectedRowsAreNotTrivial() throws Exception {
        var expected = expected();
        assertEquals(4, expected.get("rounds-consensus").size());
        assertEquals(9, expected.get("rounds-response").size());
        assertEquals(6, expected.get("rounds-dropouts").size());
        assertTrue(expected.get("rounds-stability").stream().anyMatch(r -> r.get(6).equals("not stable")));
    }

    @Test
    void htmlShowsTheJsonFiguresEscaped() throws Exception {
        String html = HtmlReportRenderer.withDefaults().html(RESULT, CONTEXT);
        assertTrue(html.contains("<h2 id=\"s-rounds\">Delphi rounds</h2>"));
        assertTrue(html.contains(HtmlReportRenderer.ROUNDS_STYLESHEET + "</style>"), "rows to look at are styled");
        assertEquals(1, html.split("<tr class=\"differs\">", -1).length - 1, "the one not-stable row is marked, no drop-out row");
        assertFalse(html.contains("<b>Alpha</b>"));
        assertTrue(html.contains("&lt;b&gt;Alpha&lt;/b&gt; &amp; co"));
        for (Map.Entry<String, List<List<String>>> table : expected().entrySet()) {
            assertEquals(table.getValue(), htmlRows(html, table.getKey()), table.getKey());
        }
        String advice = RESULT.delphi().orElseThrow().advice().text();
        assertTrue(html.contains("<p>Stopping advice: " + HtmlTables.escapeText(advice) + "</p>"), advice);
    }

    @Test
    void singleSurveyReportsHaveNoRoundsSection() throws Exception {
        for (StudyResult single : List.of(RoundsExample.singleSurvey(), StudyResults.fromEngine())) {
            String html = HtmlReportRenderer.withDefaults().html(single, CONTEXT);
            assertFalse(html.contains("Delphi rounds"));
            assertFalse(html.contains("rounds-"));
            assertFalse(html.contains(HtmlReportRenderer.ROUNDS_STYLESHEET));
            assertEquals("", HtmlTables.rounds(single));
            String pdf = PdfReportRendererTest.allText(new PdfReader(PdfReportRenderer.withDefaults().render(single, CONTEXT)));
            assertFalse(pdf.contains("Delphi rounds"));
            XWPFDocument doc = DocxInspection.open(DocxReportRenderer.withDefaults().render(single, CONTEXT));
            assertTrue(doc.getParagraphs().stream().noneMatch(p -> p.getText().contains("Delphi rounds")));
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(XlsxReportRenderer.withDefaults().render(single, CONTEXT)))) {
                assertEquals(null, workbook.getSheet("Rounds"));
            }
            assertTrue(CsvReportRenderer.withDefaults().rounds(single).isEmpty());
        }
    }

    /** A header found only in that table of the rounds view, to find it in a Word document or a sheet. */
    static final Map<String, String> HEADER = Map.of("rounds-consensus", "Consensus since round", "rounds-stability", "Verdict",
            "rounds-response", "% of round 1", "rounds-dropout-summary", "Answered every round", "rounds-dropouts", "BH q");

    @Test
    void docxHasRealTablesWithRepeatedHeadersAndTheJsonFigures() throws Exception {
        byte[] docx = DocxReportRenderer.withDefaults().render(RESULT, CONTEXT);
        XWPFDocument doc = DocxInspection.open(docx);
        for (Map.Entry<String, List<List<String>>> table : expected().entrySet()) {
            XWPFTable word = DocxInspection.tableWithHeader(doc, HEADER.get(table.getKey()));
            assertEquals(1, DocxInspection.headerRows(word), table.getKey());
            List<List<String>> rows = word.getRows().stream().skip(1).map(DocxInspection::cells).toList();
            assertEquals(table.getValue(), rows, table.getKey());
        }
        assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().equals("Delphi rounds")));
    }

    @Test
    void xlsxHasARoundsSheetWithTheJsonFiguresAsNumbers() throws Exception {
        byte[] xlsx = XlsxReportRenderer.withDefaults().render(RESULT, CONTEXT);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            XSSFSheet sheet = workbook.getSheet("Rounds");
            assertNotNull(sheet);
            assertEquals("Rounds", workbook.getSheetName(workbook.getNumberOfSheets() - 2)); // before Methods
            for (Map.Entry<String, List<List<String>>> table : expected().entrySet()) {
                assertEquals(table.getValue(), sheetRows(sheet, HEADER.get(table.getKey())), table.getKey());
            }
            // full precision: Patient, round 3 has 2 of round 1's 3 respondents
            Row patient3 = findRow(sheet, "% of round 1", "Patient", RoundsExample.ROUND_3);
            assertEquals(200.0 / 3, patient3.getCell(5).getNumericCellValue(), 1e-12);
            assertEquals(CellType.NUMERIC, patient3.getCell(3).getCellType());
        }
    }

    @Test
    void pdfShowsTheJsonFiguresWithTheShippedCjkFont() throws Exception {
        byte[] pdf = PdfReportRenderer.withDefaults().render(RESULT, CONTEXT);
        String text = PdfReportRendererTest.allText(new PdfReader(pdf)).replaceAll("\\s", "");
        assertTrue(text.contains("Delphirounds"), text);
        for (String id : List.of("rounds-consensus", "rounds-response", "rounds-dropout-summary", "rounds-dropouts")) {
            for (List<String> row : expected().get(id)) {
                List<String> cells = row.stream().filter(c -> !c.isEmpty()).toList();
                assertTrue(text.contains(String.join("", cells).replaceAll("\\s", "")), id + " " + row);
            }
        }
        for (List<String> row : expected().get("rounds-stability")) {
            assertTrue(text.contains(String.join("", row.subList(2, 7)).replaceAll("\\s", "")), row.toString());
        }
    }

    @Test
    void csvRoundsFileHoldsTheJsonFiguresAtFullPrecision() throws Exception {
        JsonNode json = new ObjectMapper().readTree(StudyResultJson.write(RESULT));
        String csv = new String(CsvReportRenderer.withDefaults().rounds(RESULT).orElseThrow(), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("\uFEFFtable,outcome_field,outcome,group_code,group,round,measure,value", lines.get(0));
        Map<String, String> values = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = csvCells(line);
            assertEquals(8, cells.size(), line);
            values.put(String.join("|", cells.subList(0, 7)), cells.get(7));
        }
        int checked = 0;
        for (JsonNode outcome : json.get("stability")) {
            for (var g : (Iterable<Map.Entry<String, JsonNode>>) outcome.get("groups")::fields) {
                String code = g.getKey().equals("Doctor") ? "1" : "2";
                String key = outcome.get("field").asText() + "|" + outcome.get("label").asText() + "|" + code + "|" + g.getKey();
                JsonNode byRound = g.getValue().get("consensusByRound");
                for (int r = 0; r < byRound.size(); r++) {
                    assertEquals(byRound.get(r).isNull() ? "" : byRound.get(r).asText(), values.get("consensus|" + key + "|" + (r + 1) + "|consensus"));
                    checked++;
                }
                JsonNode last = g.getValue().get("changes").get(g.getValue().get("changes").size() - 1);
                String prefix = "stability|" + key + "|" + last.get("toRound").asText() + "|";
                assertEquals(last.get("pairs").asText(), values.get(prefix + "pairs"));
                assertEquals(last.get("pctChangedBand").asDouble(), Double.parseDouble(values.get(prefix + "pct_changed_band")), 0);
                assertEquals(g.getValue().get("stable").asText(), values.get(prefix + "stable"));
                checked += 3;
            }
        }
        List<JsonNode> attrition = new ArrayList<>();
        json.get("attrition").get("groups").forEach(attrition::add);
        attrition.add(json.get("attrition").get("all"));
        for (JsonNode g : attrition) {
            String group = g.get("group").isNull() ? "|All participants" : (g.get("group").asText().equals("Doctor") ? "1|" : "2|") + g.get("group").asText();
            for (JsonNode r : g.get("rounds")) {
                String prefix = "response|||" + group + "|" + r.get("round").asText() + "|";
                assertEquals(r.get("respondents").asText(), values.get(prefix + "respondents"));
                assertEquals(r.get("pctOfFirstRound").asDouble(), Double.parseDouble(values.get(prefix + "pct_of_first_round")), 0);
                checked += 2;
            }
            for (JsonNode c : g.get("comparisons")) {
                String prefix = "dropout|" + c.get("field").asText() + "|" + c.get("label").asText() + "|" + group + "|1|";
                assertEquals(c.get("mannWhitney").get("p").asDouble(), Double.parseDouble(values.get(prefix + "mann_whitney_p")), 0);
                assertEquals(c.get("q").asDouble(), Double.parseDouble(values.get(prefix + "q")), 0);
                assertEquals(c.get("flagged").asText(), values.get(prefix + "flagged"));
                checked += 3;
            }
        }
        assertEquals(json.get("delphi").get("advice").get("decision").asText(), values.get("advice|||||3|decision"));
        assertEquals(12 + 12 + 18 + 18, checked);
    }

    /** The body rows of one table of the sheet (found by a header cell), numbers formatted as the reports print them. */
    static List<List<String>> sheetRows(XSSFSheet sheet, String header) {
        int start = -1;
        for (Row row : sheet) {
            for (org.apache.poi.ss.usermodel.Cell cell : row) {
                if (cell.getCellType() == CellType.STRING && cell.getStringCellValue().equals(header)) {
                    start = row.getRowNum();
                }
            }
        }
        assertTrue(start >= 0, header);
        Row headers = sheet.getRow(start);
        List<List<String>> rows = new ArrayList<>();
        for (int r = start + 1; sheet.getRow(r) != null && sheet.getRow(r).getCell(0) != null; r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < headers.getLastCellNum(); c++) {
                String name = headers.getCell(c).getStringCellValue();
                var cell = sheet.getRow(r).getCell(c);
                if (cell == null || cell.getCellType() == CellType.BLANK) {
                    cells.add(name.equals("Why") ? "" : Numbers.NOT_COMPUTABLE);
                } else if (cell.getCellType() == CellType.NUMERIC) {
                    double v = cell.getNumericCellValue();
                    cells.add(name.startsWith("%") ? Numbers.percent(v) : name.endsWith(" p") || name.equals("BH q") ? Numbers.p(v)
                            : Long.toString((long) v));
                } else {
                    cells.add(cell.getStringCellValue());
                }
            }
            rows.add(cells);
        }
        return rows;
    }

    private static Row findRow(XSSFSheet sheet, String header, String group, String round) {
        int start = -1;
        for (Row row : sheet) {
            if (row.getCell(5) != null && row.getCell(5).getCellType() == CellType.STRING && row.getCell(5).getStringCellValue().equals(header)) {
                start = row.getRowNum();
            }
        }
        for (int r = start + 1; sheet.getRow(r) != null; r++) {
            Row row = sheet.getRow(r);
            if (row.getCell(0).getStringCellValue().equals(group) && row.getCell(1).getStringCellValue().equals(round)) {
                return row;
            }
        }
        throw new AssertionError(group + " " + round);
    }

    /** RFC 4180 fields of one line (no line breaks inside fields in this file). */
    static List<String> csvCells(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    /** The body rows of one table of the HTML, cells unescaped. */
    static List<List<String>> htmlRows(String html, String id) {
        Matcher table = Pattern.compile("<table class=\"concord-table " + id + "\">(.*?)</table>", Pattern.DOTALL).matcher(html);
        assertTrue(table.find(), id);
        String body = table.group(1).substring(table.group(1).indexOf("<tbody>"));
        List<List<String>> rows = new ArrayList<>();
        Matcher row = Pattern.compile("<tr[^>]*>(.*?)</tr>", Pattern.DOTALL).matcher(body);
        while (row.find()) {
            List<String> cells = new ArrayList<>();
            Matcher cell = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL).matcher(row.group(1));
            while (cell.find()) {
                cells.add(unescape(cell.group(1)));
            }
            rows.add(cells);
        }
        return rows;
    }

    static String unescape(String html) {
        return html.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    private static String consensusLabel(String code) {
        for (Consensus c : Consensus.values()) {
            if (c.code().equals(code)) {
                return c.label();
            }
        }
        throw new AssertionError(code);
    }

    private static String percent(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? Numbers.NOT_COMPUTABLE : Numbers.percent(value.asDouble());
    }

    private static String p(JsonNode value) {
        return value == null || value.isNull() || value.isMissingNode() ? Numbers.NOT_COMPUTABLE : Numbers.p(value.asDouble());
    }

    private static String join(JsonNode strings) {
        List<String> out = new ArrayList<>();
        strings.forEach(s -> out.add(s.asText()));
        return String.join("; ", out);
    }
}

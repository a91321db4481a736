package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import concord.analysis.StudyResult;
import concord.analysis.report.internal.FontResolver;
import concord.analysis.report.internal.PdfInspection;
import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Reports in Chinese ({@code ReportContext.withLanguage("zh")}) of the reference study at full size with Chinese
 * labels, on a machine without fonts (the module's tests empty the font search path, as NoHostFontsTest checks):
 * Chinese headings, columns, classes, reasons and methods, the same numbers as the English report, the labels
 * as entered, and for the PDF extractable text in embedded fonts.
 */
class ChineseReportTest {

    private static final ReportContext ENGLISH = ReportContext.generatedAt(Instant.parse("2026-03-01T10:00:00Z"))
            .withProvenance("Records read", "56").withProvenance("Site", "Beijing");
    private static final ReportContext CHINESE = ENGLISH.withLanguage("zh");
    private static StudyResult result;

    @BeforeAll
    static void analyse() {
        result = StudyResults.clbpChinese();
    }

    @Test
    void theTestsRunWithoutHostFonts() {
        assertEquals("", System.getProperty(FontResolver.SEARCH_PATH_PROPERTY), "set in analysis/pom.xml");
    }

    @Test
    void theHtmlReportIsInChineseWithTheNumbersOfTheEnglishOne() {
        String zh = HtmlReportRenderer.withDefaults().html(result, CHINESE);
        String en = HtmlReportRenderer.withDefaults().html(result, ENGLISH);
        assertTrue(zh.startsWith("<!DOCTYPE html>\n<html lang=\"zh\">"), zh.substring(0, 60));
        for (String heading : List.of("摘要", "组间存在差异的结局指标（图 2）", "共识矩阵", "领域汇总", "表 1", "参与者特征", "方法")) {
            assertTrue(zh.contains(">" + heading + "</h2>") || heading.equals("参与者特征"), heading);
        }
        for (String text : List.of("表 1. 各结局指标分组重要性评分、共识及组间检验", "<th scope=\"col\" rowspan=\"2\">结局指标</th>",
                "均值（标准差）", "中位数（Q1, Q3）", "至关重要", "未达成共识", "组间比较", "Mann–Whitney p", "生成时间", "读取记录数",
                "<dt>Site</dt>", "共识规则：当 &gt;80% 的参与者评 7–9 分且 ≤15% 的参与者评 1–3 分时为至关重要",
                "1–9 分（1–3 分不重要，4–6 分重要但非至关重要，7–9 分至关重要）", "医生（n = 26）")) {
            assertTrue(zh.contains(text), () -> "missing: " + text);
        }
        for (String label : StudyResults.CLBP_CHINESE.values()) {
            assertTrue(zh.contains(label), label);
        }
        for (String english : List.of(">Summary<", ">Methods<", "critical importance", "Between groups", "Records read",
                "consensus differs", "Pearson chi-square p", "Mann–Whitney U p", "Consensus rule")) {
            int at = zh.indexOf(english);
            assertFalse(at >= 0, () -> "English left: " + zh.substring(Math.max(0, at - 300), Math.min(zh.length(), at + 100)));
        }
        assertTrue(numbers(en).equals(numbers(zh)), "every number of Table 1 and the other tables as in English");
        assertTrue(numbers(zh).size() > 114 * 9, "Table 1 has 114 rows");
    }

    @Test
    void whyAnOutcomeDiffersIsWrittenAgainInChinese() {
        String zh = HtmlTables.differingOutcomes(result, "zh");
        List<String> english = result.differingOutcomes().stream().flatMap(o -> o.comparison().reasons().stream()).toList();
        assertTrue(english.stream().anyMatch(r -> r.startsWith("consensus differs: ")), english.toString());
        assertTrue(zh.contains("共识分类不同：医生（"), zh);
        assertTrue(english.stream().anyMatch(r -> r.startsWith("Mann–Whitney U p = ")), english.toString());
        assertTrue(zh.contains("Mann–Whitney U 检验 p = "), zh);
        assertFalse(zh.contains("consensus differs"), zh);
    }

    @Test
    void theMethodsAreWrittenFromTheResultsOptionsAndTheResultStaysEnglish() {
        String zh = HtmlTables.methods(result, "zh");
        assertEquals(result.methods().size(), zh.split("<p>", -1).length - 1, "one paragraph per stored one");
        assertTrue(zh.contains("可能的表不超过 " + result.options().fisherEnumerationLimit() + " 个时完全枚举"), zh);
        assertTrue(zh.contains("p &lt; 0.05"), zh);
        assertTrue(result.methods().get(0).startsWith("Ratings on the scale 1–9"), "the result keeps the analysis's English");
        assertEquals(HtmlTables.methods(result), HtmlTables.methods(result, "en"));
    }

    @Test
    void theChartsAreInChinese() {
        String svg = SvgCharts.figure2(result, "z", "zh") + SvgCharts.consensusMatrix(result, "z", "zh")
                + SvgCharts.domainSummary(result, "z", "zh");
        for (String text : List.of("平均分", "有效作答百分比", "7–9 至关重要", "非至关重要", "两组均为至关重要", "存在差异")) {
            assertTrue(svg.contains(text), text);
        }
        assertFalse(svg.contains("Mean score") || svg.contains("not critical"), "English chart words left");
    }

    @Test
    void thePdfHasChineseExtractableTextInEmbeddedFonts() throws Exception {
        PdfReader reader = new PdfReader(PdfReportRenderer.withDefaults().render(result, CHINESE));
        String text = PdfReportRendererTest.allText(reader);
        for (String needle : List.of("表 1. 各结局指标分组重要性评分、共识及组间检验", "共识矩阵", "方法", "第 1 页", "医生", "患者",
                "疼痛/不适", "日常生活活动", "生成时间 2026-03-01T10:00:00Z", "读取记录数：56", "至关重要")) {
            assertTrue(text.replace("\n", "").contains(needle), () -> "'" + needle + "' not extracted from the PDF");
        }
        assertFalse(text.contains("Page 1"), "English footer left");
        List<String> embedded = PdfInspection.embeddedFontNames(reader);
        assertTrue(embedded.stream().anyMatch(n -> n.contains("WenQuanYi")), () -> "embedded: " + embedded);
        assertEquals(List.of(), PdfInspection.unembeddedFontNames(reader), "every font is embedded");
    }

    @Test
    void theDocxHasChineseHeadingsFootnotesAndFigures() {
        byte[] docx = DocxReportRenderer.withDefaults().render(result, CHINESE);
        XWPFDocument doc = DocxInspection.open(docx);
        String text = DocxReportRendererTest.allText(doc);
        for (String needle : List.of("摘要", "表 1. 各结局指标分组重要性评分、共识及组间检验", "组间比较", "均值（标准差）", "是", "疼痛/不适",
                "身体形象与外观", "不良事件", "医生（n = 26）", "方法")) {
            assertTrue(text.contains(needle), () -> "'" + needle + "' missing from the DOCX");
        }
        String footnotes = DocxInspection.part(docx, "word/footnotes.xml");
        assertTrue(footnotes.contains("Pearson 卡方检验") && footnotes.contains("各组的共识分类："), "footnotes in Chinese");
        assertTrue(DocxInspection.part(docx, "word/footer1.xml").contains("第 "), "page number in Chinese");
        assertTrue(doc.getAllPictures().size() >= 3, "figures drawn with the shipped fonts");
    }

    @Test
    void theWorkbookHasChineseSheetsAndHeadersAndTheSameNumbers() throws Exception {
        byte[] zh = XlsxReportRenderer.withDefaults().render(result, CHINESE);
        try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(zh), new ReadingOptions(true, false))) {
            List<String> sheets = workbook.getSheets().map(Sheet::getName).toList();
            assertEquals(List.of("表 1", "参与者特征", "存在差异", "共识", "领域", "方法"), sheets);
            List<Row> rows = workbook.getFirstSheet().read();
            assertEquals(List.of("结局指标字段", "结局指标", "领域", "组别", "n", "缺失", "% 7–9"),
                    rows.get(0).stream().limit(7).map(c -> c.getText()).toList());
            assertEquals(115, rows.size(), "header and 114 rows");
            assertTrue(rows.stream().anyMatch(r -> "疼痛/不适".equals(r.getCell(1).getText())));
            assertTrue(rows.stream().anyMatch(r -> "至关重要".equals(r.getCell(14).getText())), "consensus class in Chinese");
        }
        byte[] en = XlsxReportRenderer.withDefaults().render(result, ENGLISH);
        try (ReadableWorkbook zhBook = new ReadableWorkbook(new ByteArrayInputStream(zh), new ReadingOptions(true, false));
             ReadableWorkbook enBook = new ReadableWorkbook(new ByteArrayInputStream(en), new ReadingOptions(true, false))) {
            List<Row> zhRows = zhBook.getFirstSheet().read();
            List<Row> enRows = enBook.getFirstSheet().read();
            for (int r = 1; r < enRows.size(); r++) {
                for (int c = 4; c < 14; c++) {
                    assertEquals(enRows.get(r).getCell(c).getRawValue(), zhRows.get(r).getCell(c).getRawValue(), "cell " + r + "," + c);
                }
            }
        }
    }

    @Test
    void machineReadableFilesAndEnglishAreTheSameWhateverTheLanguage() {
        for (ReportFormat format : List.of(ReportFormat.CSV, ReportFormat.JSON)) {
            assertArrayEquals(ReportRenderer.withDefaults(format).render(result, ENGLISH),
                    ReportRenderer.withDefaults(format).render(result, CHINESE), format + ": column names and codes stay English");
        }
        for (ReportFormat format : ReportFormat.values()) {
            assertArrayEquals(ReportRenderer.withDefaults(format).render(result, ENGLISH),
                    ReportRenderer.withDefaults(format).render(result, CHINESE.withLanguage("en")), format + ": en is the default");
        }
    }

    @Test
    void whyAValueIsNotComputableIsInChineseForTheAnalysisCommonReasons() {
        StudyResult hand = StudyResults.handBuilt();
        String zh = HtmlTables.table1(hand, "zh");
        for (String text : List.of("— 至少需要 2 个有效作答，实际只有 1 个", "— 无有效作答（30 个缺失）", "— 该结局指标无卡方检验 p 值",
                "— 有作答的组少于 2 个")) {
            assertTrue(zh.contains(text), () -> "missing: " + text + "\n" + zh);
        }
        assertTrue(HtmlTables.table1(hand).contains("— needs at least 2 valid answers, has 1"), "English as stored");
        assertTrue(DocxReportRendererTest.allText(DocxInspection.open(DocxReportRenderer.withDefaults().render(hand, CHINESE)))
                .contains("至少需要 2 个有效作答"), "the DOCX notes too");
    }

    @Test
    void theDelphiRoundsViewAndItsMethodsAreInChinese() {
        StudyResult delphi = concord.analysis.DelphiExample.result();
        String zh = HtmlReportRenderer.withDefaults().html(delphi, CHINESE);
        for (String text : List.of(">德尔菲轮次</h2>", "终止建议：", "稳定性规则：评分在以下情况下视为稳定：", "各结局指标、组别和轮次的共识",
                "自第几轮起达成共识", "配对参与者数", "全部参与者", "德尔菲研究共 3 轮", "稳定")) {
            assertTrue(zh.contains(text), () -> "missing: " + text);
        }
        for (String english : List.of("Delphi rounds", "Stability rule", "Consensus since round", "All participants", "Delphi study of")) {
            assertFalse(zh.contains(english), () -> "English left: " + english);
        }
        assertTrue(delphi.delphi().orElseThrow().methods().get(0).startsWith("Delphi study of 3 rounds"), "the result stays English");
        assertEquals(HtmlTables.rounds(delphi), HtmlTables.rounds(delphi, "en"));
    }

    @Test
    void anUnknownLanguageFailsNamingTheFileToAdd() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ENGLISH.withLanguage("fr"));
        assertTrue(e.getMessage().contains("messages_fr.properties"), e.getMessage());
        assertEquals("zh", ENGLISH.withLanguage("zh-CN").language());
        assertEquals("en", ReportContext.undated().language());
    }

    /** The contents of every numeric cell holding a number (not a class or Yes/No), in order. */
    private static List<String> numbers(String html) {
        Matcher m = Pattern.compile("<td class=\"num\"[^>]*>([^<]*)").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            if (m.group(1).replace("&lt;", "").matches("[^\\p{L}]+")) {
                out.add(m.group(1));
            }
        }
        return out;
    }
}

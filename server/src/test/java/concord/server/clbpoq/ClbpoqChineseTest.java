package concord.server.clbpoq;

import concord.analysis.StakeholderGroup;
import concord.connector.DataDictionaryReader;
import concord.connector.FieldMetadata;
import concord.server.config.DomainSource;
import concord.server.config.OutcomeSelection;
import concord.server.load.LoadedStudy;
import concord.server.load.StudyLoader;
import concord.server.load.StudySpec;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Chinese CLBPOQ dictionary and project XML (deploy/redcap/clbpoq-dictionary-zh.csv, clbpoq-project-zh.xml):
 * the English project's fields, codes and rules with Chinese texts, which Concord's loader reads as the same study.
 */
class ClbpoqChineseTest {

    /** A text with Latin words left untranslated (names, codes and placeholders are allowed). */
    private static final Pattern ENGLISH_WORD = Pattern.compile("\\b(?!CONCORD|Concord|REDCap|COMET|PDF|UTC|SPSS|Pearson|Fisher|Freeman"
            + "|Halton|Mann|Whitney|Kruskal|Wallis|CLBPOQ|READONLY|CORE|AREA|DOMAIN|OUTCOME|GROUP|body_image|qaly|href|target"
            + "|concord_dashboard_url|_blank|P)[A-Za-z]{2,}\\b");

    private static List<DictionaryField> fields(String name) throws Exception {
        List<DictionaryField> fields = new ArrayList<>();
        List<List<String>> rows = DeployFiles.csvRows(name);
        for (List<String> row : rows.subList(1, rows.size())) {
            fields.add(DictionaryField.fromCells(row));
        }
        return fields;
    }

    @Test
    void theChineseDictionaryHasTheEnglishFieldsCodesAndRulesWithChineseTexts() throws Exception {
        List<DictionaryField> english = fields(ClbpoqGenerator.DICTIONARY);
        List<DictionaryField> chinese = fields(ClbpoqChinese.DICTIONARY);
        assertEquals(english.size(), chinese.size());
        for (int i = 0; i < english.size(); i++) {
            DictionaryField en = english.get(i);
            DictionaryField zh = chinese.get(i);
            for (int c : new int[] {0, 1, 3, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16}) {
                assertEquals(en.cells().get(c), zh.cells().get(c), en.fieldName() + " column " + DictionaryField.HEADERS.get(c));
            }
            assertEquals(en.choiceMap().keySet(), zh.choiceMap().keySet(), en.fieldName() + ": choice codes");
            for (String text : List.of(zh.fieldLabel(), zh.sectionHeader(), zh.fieldNote(), String.join(" ", zh.choiceMap().values()))) {
                assertTrue(!ENGLISH_WORD.matcher(text).find(), () -> en.fieldName() + ": English left in \"" + text + "\"");
            }
            if (!en.fieldLabel().isEmpty()) {
                assertTrue(zh.fieldLabel().codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                        en.fieldName() + ": " + zh.fieldLabel());
            }
        }
        DictionaryField group = chinese.stream().filter(f -> f.fieldName().equals("group")).findFirst().orElseThrow();
        assertEquals("1, 医生 | 2, 患者", group.choices());
        assertEquals("1, 至关重要 | 2, 未达成共识 | 3, 不重要",
                chinese.stream().filter(f -> f.fieldName().equals("gr_consensus")).findFirst().orElseThrow().choices());
        String labels = chinese.stream().map(DictionaryField::fieldLabel).collect(Collectors.joining("|"));
        for (String outcome : List.of("疼痛/不适", "日常生活活动", "身体形象与外观", "不良事件", "生活质量", "中医证候变化")) {
            assertTrue(labels.contains(outcome), outcome);
        }
    }

    @Test
    void concordLoadsTheChineseDictionaryAsTheSameStudyWithChineseLabels() throws Exception {
        List<FieldMetadata> dictionary;
        try (InputStream in = Files.newInputStream(ClbpoqGenerator.deployDirectory().resolve(ClbpoqChinese.DICTIONARY))) {
            dictionary = DataDictionaryReader.create().read(in, ClbpoqChinese.DICTIONARY);
        }
        StudySpec spec = new StudySpec("clbpoq", null, "group", OutcomeSelection.parse(List.of("@CONCORD-OUTCOME")),
                DomainSource.ANNOTATION, List.of("age", "sex"), "80/15", null, null, "concord-results");
        LoadedStudy loaded = StudyLoader.grade().load(spec, dictionary, ClbpoqChinese.load().title(), List.of());
        assertEquals(57, loaded.study().outcomes().size());
        Set<String> domains = loaded.study().outcomes().stream().map(o -> o.domain()).collect(Collectors.toSet());
        assertEquals(17, domains.size());
        assertTrue(domains.containsAll(List.of("躯体功能", "不良事件", "总体结局")), domains.toString());
        assertEquals(List.of(new StakeholderGroup("1", "医生"), new StakeholderGroup("2", "患者")), loaded.study().groups());
        assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    }

    @Test
    void theChineseProjectXmlHoldsTheSameRecordsUnderChineseInstrumentNames() throws Exception {
        Document zh = DeployFiles.odm(ClbpoqChinese.PROJECT_XML);
        Document en = DeployFiles.odm(ClbpoqGenerator.PROJECT_XML);
        assertEquals("CLBPOQ：慢性腰痛结局指标问卷（Concord 演示）", zh.getElementsByTagName("StudyName").item(0).getTextContent());
        assertEquals(en.getElementsByTagName("ItemData").getLength(), zh.getElementsByTagName("ItemData").getLength());
        assertEquals("参与者", ((org.w3c.dom.Element) zh.getElementsByTagName("FormDef").item(0)).getAttribute("Name"));
    }

    @Test
    void everyRowOfTheTranslationTableIsUsed() throws Exception {
        ClbpoqChinese chinese = ClbpoqChinese.load();
        String english = DeployFiles.text(ClbpoqGenerator.DICTIONARY) + DeployFiles.text(ClbpoqGenerator.PROJECT_XML);
        for (String text : chinese.table().keySet()) {
            assertTrue(english.contains(text.replace("\"", "\"\"")) || english.contains(OdmWriter.esc(text)),
                    () -> "translations-zh.tsv row not in the English project: " + text);
        }
    }
}

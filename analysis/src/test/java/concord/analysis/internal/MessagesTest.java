package concord.analysis.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The report wording files: every language has exactly the English keys and placeholders; lookups fail clearly. */
class MessagesTest {

    private static final List<String> SHIPPED = List.of("en", "zh");

    /** The file as written, not through {@link Messages} (whose own check would hide a difference). */
    private static Map<String, String> raw(String language) throws Exception {
        try (InputStream in = Messages.class.getResourceAsStream("/concord/analysis/report/i18n/messages_" + language + ".properties")) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> texts = new TreeMap<>();
            p.stringPropertyNames().forEach(k -> texts.put(k, p.getProperty(k)));
            return texts;
        }
    }

    @Test
    void everyLanguageFileHasExactlyTheEnglishKeysAndPlaceholders() throws Exception {
        Map<String, String> english = raw("en");
        assertTrue(english.size() > 150, "the English file holds the report's words: " + english.size());
        for (String language : SHIPPED) {
            Map<String, String> texts = raw(language);
            assertEquals(english.keySet(), texts.keySet(), language + ": keys");
            for (String key : english.keySet()) {
                assertEquals(Messages.placeholders(english.get(key)), Messages.placeholders(texts.get(key)),
                        language + ": placeholders of " + key);
            }
            assertEquals(language, texts.get("language"));
        }
    }

    @Test
    void chineseValuesAreTranslatedNotCopied() throws Exception {
        Map<String, String> english = raw("en");
        Map<String, String> chinese = raw("zh");
        // Names and symbols stay as they are in Chinese writing too (test names, Concord, Q1, Z, r, "n", χ² p).
        Set<String> same = new TreeSet<>();
        english.forEach((k, v) -> {
            String words = v.replaceAll("\\{[A-Za-z]+\\}", "")
                    .replaceAll("Mann|Whitney|Kruskal|Wallis|Wilcoxon|Holm|Bonferroni|Cramer's|Cliff's|Concord", "");
            if (v.equals(chinese.get(k)) && words.matches(".*[a-z]{3,}.*")) {
                same.add(k);
            }
        });
        assertEquals(Set.of(), same, "English words left in messages_zh.properties");
        assertTrue(chinese.get("heading.methods").equals("方法"));
    }

    @Test
    void formatFillsNamedPlaceholdersAndLeavesApostrophesAlone() {
        Messages en = Messages.english();
        assertEquals("Doctor (n = 26)", en.format("column.groupN", "group", "Doctor", "n", 26));
        assertEquals("Cramer's V", en.text("xlsx.cramersV"));
        assertEquals("医生（n = 26）", Messages.forLanguage("zh").format("column.groupN", "group", "医生", "n", 26));
        assertEquals("; ", en.text("list.separator"), "escaped trailing space kept");
        assertEquals(" and ", en.text("list.and"), "escaped leading space kept");
    }

    @Test
    void languageCodesIgnoreRegionAndCase() {
        assertEquals("zh", Messages.forLanguage("zh-CN").language());
        assertEquals("zh", Messages.forLanguage(" ZH_cn ").language());
        assertTrue(Messages.forLanguage("EN").isEnglish());
    }

    @Test
    void missingKeysValuesAndLanguagesFailNamingWhatIsMissing() {
        IllegalStateException key = assertThrows(IllegalStateException.class, () -> Messages.english().text("heading.nope"));
        assertTrue(key.getMessage().contains("messages_en.properties") && key.getMessage().contains("heading.nope"), key.getMessage());
        IllegalStateException value = assertThrows(IllegalStateException.class, () -> Messages.english().format("column.groupN", "group", "D"));
        assertTrue(value.getMessage().contains("{n}"), value.getMessage());
        IllegalArgumentException language = assertThrows(IllegalArgumentException.class, () -> Messages.forLanguage("fr"));
        assertTrue(language.getMessage().contains("messages_fr.properties") && language.getMessage().contains("copy messages_en.properties"),
                language.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Messages.forLanguage("../x"));
        assertThrows(IllegalArgumentException.class, () -> Messages.forLanguage(""));
    }
}

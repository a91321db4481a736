package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TopicGuideTemplateTest {

    @TempDir
    Path dir;

    private static String english() throws IOException {
        try (InputStream in = TopicGuideTemplate.class.getResourceAsStream("topic-guide-en.properties")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shippedTemplatesHaveEveryKeyAndTheirLanguage() {
        assertEquals("en", TopicGuideTemplate.english().language());
        assertEquals("zh", TopicGuideTemplate.chinese().language());
        assertEquals(TopicGuideTemplate.chinese(), TopicGuideTemplate.forLanguage("zh-CN"));
        assertEquals(TopicGuideTemplate.english(), TopicGuideTemplate.forLanguage("EN"));
        for (String key : TopicGuideTemplate.keys()) {
            TopicGuideTemplate.chinese().text(key);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicGuideTemplate.forLanguage("fr"));
        assertTrue(e.getMessage().contains("'fr'") && e.getMessage().contains("topic-guide.template"), e.getMessage());
    }

    @Test
    void aProjectsOwnWordingIsUsed() throws IOException {
        Path file = write("ours.properties", english().replace("question.ask=What do you think about this difference?",
                "question.ask=Why might the groups see this differently?").replace("group=the {group} group", "group={group}s"));
        TopicGuide guide = TopicGuide.of(TopicGuideTest.CLBP, TopicGuideTemplate.load(file));
        String text = guide.differenceQuestions().stream().filter(q -> q.outcome().label().equals("Body-image and appearance"))
                .findFirst().orElseThrow().text().text();
        assertEquals("Patients rated Body-image and appearance higher than Doctors (53 % vs 15 % rated it 7–9)."
                + " Why might the groups see this differently?", text);
    }

    @Test
    void aMissingPlaceholderNamesTheFileAndTheKey() throws IOException {
        Path file = write("bad.properties", english().replace("finding.higher={higher} rated {outcome} higher than {lower}",
                "finding.higher={higher} rated it higher than {lower}"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicGuideTemplate.load(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("key 'finding.higher' lacks the placeholder {outcome}"), e.getMessage());
    }

    @Test
    void aMissingKeyAMisspeltKeyAndAnUnknownPlaceholderAreAllListed() throws IOException {
        Path file = write("bad.properties", english().replace("question.ask=", "question.aks=")
                .replace("percent={value} %", "percent={valeu} %"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicGuideTemplate.load(file));
        assertTrue(e.getMessage().contains("key 'question.ask' is missing"), e.getMessage());
        assertTrue(e.getMessage().contains("key 'question.aks' is not a topic guide key"), e.getMessage());
        assertTrue(e.getMessage().contains("key 'percent' lacks the placeholder {value}"), e.getMessage());
        assertTrue(e.getMessage().contains("key 'percent' has the unknown placeholder {valeu}"), e.getMessage());
    }

    @Test
    void aFileThatIsNotUtf8OrMissingIsAClearError() throws IOException {
        Path latin1 = dir.resolve("latin1.properties");
        Files.write(latin1, english().replace("Figures", "Zahlen für").getBytes(StandardCharsets.ISO_8859_1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TopicGuideTemplate.load(latin1));
        assertTrue(e.getMessage().contains(latin1.toString()) && e.getMessage().contains("UTF-8"), e.getMessage());
        Path missing = dir.resolve("nope.properties");
        e = assertThrows(IllegalArgumentException.class, () -> TopicGuideTemplate.load(missing));
        assertTrue(e.getMessage().contains(missing.toString()) && e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void chineseLabelsInAUserTemplate() throws IOException {
        Path file = write("zh.properties", english().replace("language=en", "language=zh-TW")
                .replace("column.question=Question", "column.question=問題"));
        TopicGuideTemplate template = TopicGuideTemplate.load(file);
        assertEquals("zh-TW", template.language());
        assertEquals("問題", TopicGuide.of(TopicGuideTest.CLBP, template).labels().question());
    }
}

package concord.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lowagie.text.pdf.PdfReader;
import concord.analysis.report.internal.PdfInspection;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the container image (deploy/Dockerfile: a JRE with fontconfig and no font package) gives the renderers: a
 * JVM whose fontconfig finds no font at all ({@code FONTCONFIG_FILE} naming an empty configuration) and whose font
 * search path is empty. The Chinese, Japanese, Korean, Cyrillic and Latin labels of the hold-all study still come
 * out as extractable text in embedded fonts (PDF) and as text and Java2D figures (DOCX), from the fonts in the jar.
 */
class FontlessHostTest {

    @Test
    void aJvmWithoutAnyFontRendersEveryScript(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("no-fonts.conf");
        Files.writeString(config, "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n"
                + "<fontconfig><cachedir>" + dir.resolve("fc-cache") + "</cachedir></fontconfig>\n");
        fontconfigSeesNoFont(config);
        Path pdf = dir.resolve("report.pdf");
        Path docx = dir.resolve("report.docx");
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Dconcord.fonts.search-path=", "-cp", System.getProperty("java.class.path"),
                FontlessHostRender.class.getName(), pdf.toString(), docx.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
        child.environment().put("FONTCONFIG_FILE", config.toString());
        Process process = child.start();
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "the child JVM finished");
        String log = Files.readString(dir.resolve("child.log"), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), log);

        PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
        String text = PdfReportRendererTest.allText(reader);
        for (String label : StudyResults.HOLD_ALL_CJK) {
            assertTrue(text.contains(label), () -> "'" + label + "' not extracted from the PDF");
        }
        List<String> embedded = PdfInspection.embeddedFontNames(reader);
        assertTrue(embedded.stream().anyMatch(n -> n.contains("WenQuanYi")), () -> "embedded: " + embedded);
        assertEquals(List.of(), PdfInspection.unembeddedFontNames(reader), "every font is embedded");

        XWPFDocument doc = DocxInspection.open(Files.readAllBytes(docx));
        String docText = DocxReportRendererTest.allText(doc);
        for (String label : StudyResults.HOLD_ALL_CJK) {
            assertTrue(docText.contains(label), () -> "'" + label + "' missing from the DOCX text");
        }
        assertTrue(doc.getAllPictures().size() >= 2, "figures drawn by Java2D with the shipped fonts");
    }

    /** Where fontconfig's own tool is installed, it confirms the configuration lists no font. */
    private static void fontconfigSeesNoFont(Path config) throws IOException, InterruptedException {
        ProcessBuilder list;
        try {
            list = new ProcessBuilder("fc-list").redirectErrorStream(true);
            list.environment().put("FONTCONFIG_FILE", config.toString());
            Process p = list.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(1, TimeUnit.MINUTES);
            assertEquals("", out.strip(), "fc-list with the empty configuration");
        } catch (IOException e) {
            System.out.println("fc-list is not installed; the empty fontconfig configuration is not double-checked");
        }
    }
}

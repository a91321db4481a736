package concord.server.clbpoq;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Simplified Chinese variant of the CLBPOQ demo project (the reference study was run at a Beijing hospital):
 * the English dictionary with every label, choice label, field note, section header, COMET domain and core
 * area replaced from the one translation table {@code clbpoq/translations-zh.tsv} (English → Chinese). Field
 * names, codes, validation, branching logic and the records are those of the English project, so the same
 * record export analyses the same way. A text the table lacks fails the generator, naming it.
 */
final class ClbpoqChinese {

    static final String DICTIONARY = "clbpoq-dictionary-zh.csv";
    static final String PROJECT_XML = "clbpoq-project-zh.xml";
    static final String TABLE = "clbpoq/translations-zh.tsv";

    /** "General outcomes (Physiological/clinical). How important …": a matrix's section header. */
    private static final Pattern DOMAIN_HEADER = Pattern.compile("(.+) \\((.+)\\)\\. (How important .+)");
    private static final Pattern ANNOTATION_VALUE = Pattern.compile("(@CONCORD-(?:DOMAIN|CORE-AREA)=\")([^\"]*)(\")");

    private final Map<String, String> table;
    private final TreeSet<String> missing = new TreeSet<>();

    private ClbpoqChinese(Map<String, String> table) {
        this.table = table;
    }

    static ClbpoqChinese load() {
        Map<String, String> table = new LinkedHashMap<>();
        InputStream in = ClbpoqChinese.class.getClassLoader().getResourceAsStream(TABLE);
        Objects.requireNonNull(in, () -> "Test resource " + TABLE + " is missing");
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line : reader.lines().toList()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 2 || cells[1].isBlank()) {
                    throw new IllegalStateException(TABLE + ": a row must be English<TAB>Chinese: " + line);
                }
                if (table.put(cells[0], cells[1]) != null) {
                    throw new IllegalStateException(TABLE + ": '" + cells[0] + "' is listed twice");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ClbpoqChinese(table);
    }

    Map<String, String> table() {
        return table;
    }

    /** The project in Chinese: same fields, codes and records, Chinese texts. */
    ClbpoqProject project(ClbpoqProject english) {
        List<DictionaryField> fields = new ArrayList<>();
        for (DictionaryField f : english.fields()) {
            fields.add(field(f));
        }
        check();
        return new ClbpoqProject(fields, english.records(), english.qualitative());
    }

    String title() {
        return strict(OdmWriter.TITLE);
    }

    Map<String, String> instruments() {
        Map<String, String> labels = new LinkedHashMap<>();
        ClbpoqDictionary.INSTRUMENTS.forEach((form, label) -> labels.put(form, strict(label)));
        return labels;
    }

    private DictionaryField field(DictionaryField f) {
        List<String> c = new ArrayList<>(f.cells());
        c.set(2, header(f.sectionHeader()));
        c.set(4, text(f.fieldLabel()));
        c.set(5, choices(f));
        c.set(6, text(f.fieldNote()));
        c.set(17, annotation(f.annotation()));
        return DictionaryField.fromCells(c);
    }

    private String header(String header) {
        Matcher m = DOMAIN_HEADER.matcher(header);
        if (m.matches()) {
            return text(m.group(1)) + "（" + text(m.group(2)) + "）。" + text(m.group(3));
        }
        return text(header);
    }

    /** Choice labels translated; numeric labels (the 1–9 scale) stay. */
    private String choices(DictionaryField f) {
        Map<String, String> choices = f.choiceMap();
        if (choices.isEmpty()) {
            return f.choices();
        }
        List<String> parts = new ArrayList<>();
        choices.forEach((code, label) -> parts.add(code + ", " + (label.matches("\\d+") ? label : text(label))));
        return String.join(" | ", parts);
    }

    private String annotation(String annotation) {
        Matcher m = ANNOTATION_VALUE.matcher(annotation);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + text(m.group(2)) + m.group(3)));
        }
        m.appendTail(out);
        return out.toString();
    }

    private String text(String english) {
        if (english.isEmpty()) {
            return english;
        }
        String chinese = table.get(english);
        if (chinese == null) {
            missing.add(english);
            return english;
        }
        return chinese;
    }

    private String strict(String english) {
        String chinese = text(english);
        check();
        return chinese;
    }

    private void check() {
        if (!missing.isEmpty()) {
            throw new IllegalStateException(TABLE + " has no Chinese for: " + String.join(" | ", missing));
        }
    }
}

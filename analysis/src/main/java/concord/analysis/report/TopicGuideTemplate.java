package concord.analysis.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The wording of a {@link TopicGuide}: one Java properties file (UTF-8) per language. English
 * ({@code topic-guide-en.properties}) and Chinese ({@code topic-guide-zh.properties}) ship with
 * Concord; a project may use its own file ({@link #load}). The shipped English file is the
 * specification: a template must have every one of its keys, and each text exactly the placeholders
 * (<code>{outcome}</code>, <code>{shares}</code>, …) the English text has, so a typo or a dropped
 * placeholder is an error naming the file and the key instead of a guide with a hole in it.
 */
public final class TopicGuideTemplate {

    /** Languages shipped with Concord. */
    public static final List<String> SHIPPED = List.of("en", "zh");

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    private static final TopicGuideTemplate ENGLISH = shipped("en");
    private static final TopicGuideTemplate CHINESE = shipped("zh");

    private final String source;
    private final Map<String, String> texts;

    private TopicGuideTemplate(String source, Map<String, String> texts) {
        this.source = source;
        this.texts = Map.copyOf(texts);
    }

    public static TopicGuideTemplate english() {
        return ENGLISH;
    }

    public static TopicGuideTemplate chinese() {
        return CHINESE;
    }

    /** A shipped template by language code ({@code en}, {@code zh}; case and region ignored: {@code zh-CN}). */
    public static TopicGuideTemplate forLanguage(String language) {
        String code = Objects.requireNonNull(language, "language").trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return switch (code) {
            case "en" -> ENGLISH;
            case "zh" -> CHINESE;
            default -> throw new IllegalArgumentException("Topic guide: no template for language '" + language
                    + "'; Concord ships " + SHIPPED + ". Write your own template file (copy topic-guide-en.properties)"
                    + " and configure it as topic-guide.template");
        };
    }

    /**
     * A project's own template file.
     *
     * @throws IllegalArgumentException when the file is missing, not UTF-8, lacks a key, or a text lacks
     *                                  or adds a placeholder; the message names the file and the key
     */
    public static TopicGuideTemplate load(Path file) {
        Objects.requireNonNull(file, "file");
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("Topic guide template " + file + " does not exist", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Topic guide template " + file + " could not be read", e);
        }
        return parse(file.toString(), bytes);
    }

    /** The source of this wording: the shipped resource name or the file path. */
    public String source() {
        return source;
    }

    /** The language code of this wording (key {@code language}), e.g. {@code en}; the HTML's {@code lang}. */
    public String language() {
        return texts.get("language");
    }

    /** The raw text of a key, placeholders unfilled. */
    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("Topic guide template " + source + " has no key '" + key + "'");
        }
        return text;
    }

    /** The keys every template must have. */
    public static Set<String> keys() {
        return new TreeSet<>(ENGLISH.texts.keySet());
    }

    private static TopicGuideTemplate shipped(String language) {
        String name = "topic-guide-" + language + ".properties";
        try (InputStream in = TopicGuideTemplate.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Concord's topic guide template " + name + " is missing from the jar");
            }
            return parse(name, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TopicGuideTemplate parse(String source, byte[] bytes) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new java.io.ByteArrayInputStream(bytes),
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            properties.load(reader);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Topic guide template " + source + " is not UTF-8 text; save it as UTF-8", e);
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("Topic guide template " + source + " is not a properties file: "
                    + e.getMessage(), e);
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            texts.put(key, properties.getProperty(key));
        }
        // The English resource defines the keys; it is checked against itself only for its own syntax.
        TopicGuideTemplate reference = ENGLISH == null ? new TopicGuideTemplate(source, texts) : ENGLISH;
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(reference.texts.keySet())) {
            String text = texts.get(key);
            if (text == null) {
                problems.add("key '" + key + "' is missing (English: \"" + reference.texts.get(key) + "\")");
                continue;
            }
            if (text.isBlank() && !reference.texts.get(key).isBlank()) {
                problems.add("key '" + key + "' is empty");
            }
            Set<String> expected = placeholders(reference.texts.get(key));
            Set<String> found = placeholders(text);
            for (String name : expected) {
                if (!found.contains(name)) {
                    problems.add("key '" + key + "' lacks the placeholder {" + name + "}");
                }
            }
            for (String name : found) {
                if (!expected.contains(name)) {
                    problems.add("key '" + key + "' has the unknown placeholder {" + name + "}; it may use "
                            + (expected.isEmpty() ? "none" : expected.stream().map(n -> "{" + n + "}").toList()));
                }
            }
        }
        for (String key : new TreeSet<>(texts.keySet())) {
            if (!reference.texts.containsKey(key)) {
                problems.add("key '" + key + "' is not a topic guide key (misspelt?)");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Topic guide template " + source + ": " + String.join("; ", problems));
        }
        return new TopicGuideTemplate(source, texts);
    }

    /** The placeholder names of a text, in order of appearance. */
    static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Override
    public String toString() {
        return "TopicGuideTemplate[" + source + ", " + language() + "]";
    }
}

package concord.analysis.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of the reports in one language: {@code concord/analysis/report/i18n/messages_<code>.properties}
 * (UTF-8). Texts may hold named placeholders ({@code {group}}) that {@link #format} fills; there is no
 * other syntax (no MessageFormat quoting), so apostrophes and braces-free text stay as written. Every
 * language file must have exactly the English keys and, per key, the English placeholders: a file that
 * does not fails when it is loaded, naming the keys.
 */
public final class Messages {

    public static final String ENGLISH = "en";
    private static final String FOLDER = "/concord/analysis/report/i18n/";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
    private static final Map<String, Messages> LOADED = new ConcurrentHashMap<>();

    private final String language;
    private final Map<String, String> texts;

    private Messages(String language, Map<String, String> texts) {
        this.language = language;
        this.texts = Collections.unmodifiableMap(texts);
    }

    public static Messages english() {
        return forLanguage(ENGLISH);
    }

    /** The messages of a language code ({@code en}, {@code zh}; case and region ignored: {@code zh-CN}). */
    public static Messages forLanguage(String language) {
        return LOADED.computeIfAbsent(normalise(language), Messages::load);
    }

    /** {@code "zh-CN"} → {@code "zh"}. */
    public static String normalise(String language) {
        if (language == null || language.isBlank()) {
            throw new IllegalArgumentException("report language: a language code is required, e.g. en or zh");
        }
        String code = language.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        if (!code.matches("[a-z]{2,3}")) {
            throw new IllegalArgumentException("report language '" + language + "' is not a language code such as en or zh");
        }
        return code;
    }

    public String language() {
        return language;
    }

    public boolean isEnglish() {
        return ENGLISH.equals(language);
    }

    /** The text of a key, placeholders unfilled. */
    public String text(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalStateException("report messages " + file(language) + " have no key '" + key + "'");
        }
        return text;
    }

    /** The text of a key with its placeholders filled: {@code format("column.groupN", "group", "Doctor", "n", 26)}. */
    public String format(String key, Object... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("names and values must come in pairs for '" + key + "'");
        }
        String text = text(key);
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf(value(key, m.group(1), namesAndValues))));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Object value(String key, String name, Object[] namesAndValues) {
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (name.equals(namesAndValues[i])) {
                return namesAndValues[i + 1];
            }
        }
        throw new IllegalStateException("report messages " + file(language) + ": no value for {" + name + "} of '" + key + "'");
    }

    /** The keys of this language, sorted. */
    public Set<String> keys() {
        return new TreeSet<>(texts.keySet());
    }

    /** The placeholder names of a text, in order of first appearance. */
    public static Set<String> placeholders(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static String file(String language) {
        return "messages_" + language + ".properties";
    }

    private static Messages load(String language) {
        Map<String, String> texts = read(language);
        if (!ENGLISH.equals(language)) {
            check(language, texts, english().texts);
        }
        return new Messages(language, texts);
    }

    private static Map<String, String> read(String language) {
        String name = file(language);
        try (InputStream in = Messages.class.getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                throw new IllegalArgumentException("report language '" + language + "' is not available: Concord has no " + name
                        + " (to add a language, copy messages_en.properties to " + name + " in " + FOLDER + " and translate it)");
            }
            Properties properties = new Properties();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT))) {
                properties.load(reader);
            }
            Map<String, String> texts = new TreeMap<>();
            properties.stringPropertyNames().forEach(k -> texts.put(k, properties.getProperty(k)));
            return texts;
        } catch (CharacterCodingException e) {
            throw new IllegalStateException("report messages " + name + " are not UTF-8 text", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(String language, Map<String, String> texts, Map<String, String> english) {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, String> e : english.entrySet()) {
            String text = texts.get(e.getKey());
            if (text == null) {
                problems.add("missing key '" + e.getKey() + "'");
            } else if (!placeholders(text).equals(placeholders(e.getValue()))) {
                problems.add("key '" + e.getKey() + "' has the placeholders " + placeholders(text) + ", English has "
                        + placeholders(e.getValue()));
            }
        }
        texts.keySet().stream().filter(k -> !english.containsKey(k)).forEach(k -> problems.add("key '" + k + "' is not in English"));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("report messages " + file(language) + ": " + String.join("; ", problems));
        }
    }
}

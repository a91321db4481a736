package concord.server.deploy;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every configuration key the application reads, derived from the code rather than listed by hand: the
 * keys of {@code application.yml} (with the environment placeholders it declares) and the components of
 * every {@code @ConfigurationProperties} / {@code @EachProperty} record under {@code concord.server}
 * ({@code *} stands for a project id). Environment variables are matched with Micronaut's rule: upper
 * case, and both {@code .} and {@code -} become {@code _}.
 */
final class ConfigurationKeys {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z0-9_]+):([^}]*)}");

    /** key → default value as written (null when there is none); sorted for stable messages. */
    private final Map<String, String> keys = new TreeMap<>();
    /** environment placeholder of application.yml → the key it sets. */
    private final Map<String, String> placeholders = new TreeMap<>();
    /** placeholder → its default. */
    private final Map<String, String> placeholderDefaults = new TreeMap<>();

    static ConfigurationKeys ofApplication() {
        ConfigurationKeys k = new ConfigurationKeys();
        k.readApplicationYaml();
        k.readConfigurationClasses();
        return k;
    }

    Map<String, String> keys() {
        return keys;
    }

    Map<String, String> placeholders() {
        return placeholders;
    }

    /** The value application.yml gives a key, with a placeholder resolved to its default. */
    Optional<String> defaultOf(String key) {
        String raw = keys.get(key);
        if (raw == null) {
            return Optional.empty();
        }
        Matcher m = PLACEHOLDER.matcher(raw);
        return Optional.of(m.matches() ? m.group(2) : raw);
    }

    /** The key an environment variable sets, if any (placeholders first, then Micronaut's naming rule). */
    Optional<String> keyForEnvironment(String name) {
        if (placeholders.containsKey(name)) {
            return Optional.of(placeholders.get(name));
        }
        return keys.keySet().stream().filter(key -> environmentPattern(key).matcher(name).matches()).findFirst();
    }

    boolean isKnownKey(String key) {
        return keys.keySet().stream().anyMatch(known -> keyPattern(known).matcher(key).matches());
    }

    /** {@code concord.projects.*.det-secret} → {@code CONCORD_PROJECTS_[A-Z0-9]+_DET_SECRET}. */
    static Pattern environmentPattern(String key) {
        StringBuilder regex = new StringBuilder();
        for (String part : key.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[A-Z0-9]+");
            }
            regex.append(Pattern.quote(part.toUpperCase().replace('.', '_').replace('-', '_')));
        }
        return Pattern.compile(regex.toString());
    }

    private static Pattern keyPattern(String key) {
        StringBuilder regex = new StringBuilder();
        for (String part : key.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append("[a-z0-9][a-z0-9_-]*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private void readApplicationYaml() {
        try (InputStream in = ConfigurationKeys.class.getClassLoader().getResourceAsStream("application.yml")) {
            if (in == null) {
                throw new IllegalStateException("application.yml is not on the test classpath");
            }
            Map<String, Object> tree = new Yaml().load(in);
            Map<String, String> flat = flatten(tree);
            flat.forEach((key, value) -> {
                keys.put(key, value);
                Matcher m = value == null ? null : PLACEHOLDER.matcher(value);
                if (m != null && m.matches()) {
                    placeholders.put(m.group(1), key);
                    placeholderDefaults.put(m.group(1), m.group(2));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Map<String, String> placeholderDefaults() {
        return placeholderDefaults;
    }

    /** Nested YAML maps as dotted keys; lists become a comma-separated value. */
    static Map<String, String> flatten(Map<String, Object> tree) {
        Map<String, String> out = new TreeMap<>();
        flatten("", tree, out);
        return out;
    }

    private static void flatten(String prefix, Object node, Map<String, String> out) {
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else if (node instanceof List<?> list) {
            out.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
        } else {
            out.put(prefix, node == null ? null : String.valueOf(node));
        }
    }

    private void readConfigurationClasses() {
        for (Class<?> type : serverClasses()) {
            ConfigurationProperties single = type.getAnnotation(ConfigurationProperties.class);
            EachProperty each = type.getAnnotation(EachProperty.class);
            if (single != null && type.isRecord()) {
                addRecord(single.value(), type);
            } else if (each != null && type.isRecord()) {
                addRecord(each.value() + ".*", type);
            }
        }
    }

    private void addRecord(String prefix, Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        java.lang.reflect.Parameter[] parameters = canonicalConstructor(type, components).getParameters();
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            // @Parameter (the @EachProperty name) lands on the constructor parameter, not the component.
            if (component.isAnnotationPresent(Parameter.class) || parameters[i].isAnnotationPresent(Parameter.class)) {
                continue;
            }
            String key = prefix + "." + kebab(component.getName());
            Class<?> valueType = component.getType();
            if (valueType.isRecord() && valueType.getPackageName().startsWith("concord.server")) {
                addRecord(key, valueType);
            } else {
                keys.putIfAbsent(key, null);
            }
        }
    }

    private static java.lang.reflect.Constructor<?> canonicalConstructor(Class<?> type, RecordComponent[] components) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(type + " has no canonical constructor", e);
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static List<Class<?>> serverClasses() {
        URL root = ConfigurationKeys.class.getClassLoader().getResource("concord/server/Application.class");
        if (root == null || !"file".equals(root.getProtocol())) {
            throw new IllegalStateException("concord.server classes must be a directory on the test classpath: " + root);
        }
        try {
            Path classes = Path.of(root.toURI()).getParent().getParent().getParent();
            List<Class<?>> out = new ArrayList<>();
            try (Stream<Path> files = Files.walk(classes.resolve("concord/server"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                    String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                    name = name.substring(0, name.length() - ".class".length());
                    if (name.contains("$")) {
                        continue;
                    }
                    out.add(Class.forName(name, false, ConfigurationKeys.class.getClassLoader()));
                }
            }
            return out;
        } catch (IOException | URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot list concord.server classes: " + e.getMessage(), e);
        }
    }
}

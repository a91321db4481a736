package concord.connector.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The suite's figures, one JSON object per scenario, written to {@code target/reliability/<suite>.json}
 * so docs/reliability.md can quote measured numbers (and CI can keep them).
 */
public final class ReliabilityResults {
    private final String suite;
    private final Map<String, Map<String, Object>> scenarios = new TreeMap<>();

    public ReliabilityResults(String suite) {
        this.suite = suite;
    }

    public static boolean full() {
        return "full".equals(System.getProperty("concord.reliability"));
    }

    public synchronized void add(String scenario, String key, Object value) {
        scenarios.computeIfAbsent(scenario, s -> new TreeMap<>()).put(key, value);
    }

    public synchronized void increment(String scenario, String key) {
        Map<String, Object> m = scenarios.computeIfAbsent(scenario, s -> new TreeMap<>());
        m.merge(key, 1L, (a, b) -> ((Long) a) + 1);
    }

    public synchronized Path write() {
        StringBuilder json = new StringBuilder("{\n  \"suite\": \"" + suite + "\",\n  \"mode\": \""
                + (full() ? "full" : "fast") + "\",\n  \"scenarios\": {");
        String sep = "\n";
        for (var e : scenarios.entrySet()) {
            json.append(sep).append("    \"").append(e.getKey()).append("\": {");
            String inner = "";
            for (var kv : e.getValue().entrySet()) {
                Object v = kv.getValue();
                String text = v instanceof Number n ? format(n) : "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
                json.append(inner).append('"').append(kv.getKey()).append("\": ").append(text);
                inner = ", ";
            }
            json.append('}');
            sep = ",\n";
        }
        json.append("\n  }\n}\n");
        Path file = Path.of("target", "reliability", suite + ".json");
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, json, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static String format(Number n) {
        return n instanceof Double || n instanceof Float ? String.format(Locale.ROOT, "%.1f", n.doubleValue()) : n.toString();
    }
}

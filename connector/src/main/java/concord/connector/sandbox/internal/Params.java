package concord.connector.sandbox.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parameters of one API request, from a form-encoded or multipart body. Arrays arrive as {@code x[0]=…},
 * {@code x[]=…} or one comma-joined {@code x=a,b}; all three are merged by {@link #list(String)}.
 */
public final class Params {
    private static final Pattern INDEXED = Pattern.compile("^([^\\[]+)\\[(\\d*)]$");
    private final Map<String, List<String>> values = new LinkedHashMap<>();
    private final Map<String, StoredFile> files = new LinkedHashMap<>();

    public static Params parseForm(String body) {
        Params p = new Params();
        for (String pair : body.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            p.add(name, value);
        }
        return p;
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    public void add(String name, String value) {
        values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    public void addFile(String name, StoredFile file) {
        files.put(name, file);
    }

    public StoredFile file(String name) {
        return files.get(name);
    }

    public boolean isEmpty() {
        return values.isEmpty() && files.isEmpty();
    }

    /** The single value of a plain parameter, or null. */
    public String get(String name) {
        List<String> v = values.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    public String get(String name, String fallback) {
        String v = get(name);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** Lower-cased value, or the fallback. */
    public String lower(String name, String fallback) {
        return get(name, fallback).trim().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive {@code true}/{@code false}, {@code 1}/{@code 0}. */
    public boolean bool(String name) {
        String v = lower(name, "false");
        return v.equals("true") || v.equals("1") || v.equals("yes");
    }

    /** Every value of an array parameter in the order sent, duplicates removed, blanks dropped. */
    public List<String> list(String name) {
        LinkedHashSet<String> out = new LinkedHashSet<>();
        List<Map.Entry<Integer, String>> indexed = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : values.entrySet()) {
            String key = e.getKey();
            if (key.equals(name)) {
                for (String v : e.getValue()) {
                    for (String part : v.split(",")) {
                        if (!part.isBlank()) {
                            out.add(part.trim());
                        }
                    }
                }
                continue;
            }
            Matcher m = INDEXED.matcher(key);
            if (m.matches() && m.group(1).equals(name)) {
                int index = m.group(2).isEmpty() ? Integer.MAX_VALUE : Integer.parseInt(m.group(2));
                for (String v : e.getValue()) {
                    indexed.add(Map.entry(index, v));
                }
            }
        }
        indexed.stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (!e.getValue().isBlank()) {
                out.add(e.getValue().trim());
            }
        });
        return new ArrayList<>(out);
    }

    /** Names of all plain parameters, for endpoints that take arbitrary field names. */
    public Map<String, List<String>> all() {
        return values;
    }
}

package concord.server.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Dockerfile read line by line: comments and blank lines dropped, {@code \} continuations joined,
 * each instruction split into its keyword and arguments. Enough of the syntax for the instructions the
 * deployment uses (ENV, EXPOSE, COPY, USER, HEALTHCHECK, ENTRYPOINT).
 */
record Dockerfile(List<Instruction> instructions) {

    record Instruction(int line, String keyword, String arguments) {
    }

    private static final Pattern ENV_PAIR = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)=(\"((?:[^\"\\\\]|\\\\.)*)\"|(\\S*))");
    private static final Pattern JSON_STRING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    static Dockerfile parse(String text) {
        List<Instruction> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int start = 0;
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String trimmed = line.strip();
            if (current.isEmpty() && (trimmed.isEmpty() || trimmed.startsWith("#"))) {
                continue;
            }
            if (!current.isEmpty() && trimmed.startsWith("#")) {
                continue; // comment lines inside a continuation are ignored by Docker too
            }
            if (current.isEmpty()) {
                start = i + 1;
            }
            if (trimmed.endsWith("\\")) {
                current.append(trimmed, 0, trimmed.length() - 1).append(' ');
                continue;
            }
            current.append(trimmed);
            String joined = current.toString().strip();
            current.setLength(0);
            int space = joined.indexOf(' ');
            String keyword = (space < 0 ? joined : joined.substring(0, space)).toUpperCase();
            String arguments = space < 0 ? "" : joined.substring(space + 1).strip();
            out.add(new Instruction(start, keyword, arguments));
        }
        if (!current.isEmpty()) {
            throw new IllegalArgumentException("Dockerfile ends inside a line continuation (line " + start + ")");
        }
        return new Dockerfile(List.copyOf(out));
    }

    List<Instruction> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).toList();
    }

    /** Every ENV variable in order (later ones win), {@code KEY=value} form. */
    Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        for (Instruction i : all("ENV")) {
            Matcher m = ENV_PAIR.matcher(i.arguments());
            while (m.find()) {
                env.put(m.group(1), m.group(3) != null ? m.group(3).replace("\\\"", "\"") : m.group(4));
            }
        }
        return env;
    }

    List<Integer> exposedPorts() {
        List<Integer> ports = new ArrayList<>();
        for (Instruction i : all("EXPOSE")) {
            for (String port : i.arguments().split("\\s+")) {
                ports.add(Integer.parseInt(port.replaceAll("/(tcp|udp)$", "")));
            }
        }
        return ports;
    }

    /** The arguments of an exec-form (JSON array) instruction such as ENTRYPOINT. */
    static List<String> execForm(String arguments) {
        if (!arguments.startsWith("[")) {
            throw new IllegalArgumentException("expected the exec form [\"...\", ...], found: " + arguments);
        }
        List<String> out = new ArrayList<>();
        Matcher m = JSON_STRING.matcher(arguments);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    /** COPY/ADD arguments without flags: sources then destination. */
    static List<String> paths(String arguments) {
        return List.of(arguments.split("\\s+")).stream().filter(a -> !a.startsWith("--")).toList();
    }
}

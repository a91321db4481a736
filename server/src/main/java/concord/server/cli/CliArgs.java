package concord.server.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options of one command; unknown or repeated names are errors. */
final class CliArgs {
    private final String command;
    private final Map<String, String> values = new LinkedHashMap<>();

    CliArgs(String command, List<String> args, Set<String> allowed) {
        this.command = command;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                throw new CliException(command + ": unexpected argument '" + a + "'; options start with --");
            }
            String name = a.substring(2);
            String value = null;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            }
            if (!allowed.contains(name)) {
                throw new CliException(command + ": unknown option --" + name + "; known: --" + String.join(", --", allowed));
            }
            if (value == null) {
                if (i + 1 >= args.size()) {
                    throw new CliException(command + ": option --" + name + " needs a value");
                }
                value = args.get(++i);
            }
            if (values.put(name, value) != null) {
                throw new CliException(command + ": option --" + name + " given twice");
            }
        }
    }

    String get(String name) {
        return values.get(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    String require(String name) {
        String v = values.get(name);
        if (v == null || v.isBlank()) {
            throw new CliException(command + ": --" + name + " is required");
        }
        return v;
    }

    int integer(String name, int fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new CliException(command + ": --" + name + " must be a number, not '" + v + "'");
        }
    }
}

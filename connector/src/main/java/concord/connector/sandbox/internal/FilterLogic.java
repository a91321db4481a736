package concord.connector.sandbox.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A subset of REDCap logic for {@code filterLogic}: comparisons {@code [field] op value} with
 * {@code = <> != < <= > >=}, where the value is a quoted string, a number or another {@code [field]}; checkbox
 * options as {@code [field(code)]}; combined with {@code and}, {@code or} and parentheses. Numbers compare
 * numerically, everything else as text; a blank never satisfies {@code <}, {@code >} and friends.
 */
public final class FilterLogic {
    private static final Pattern TOKEN = Pattern.compile(
            "\\s*(\\[[a-z0-9_]+(?:\\([^)]*\\))?]|'[^']*'|\"[^\"]*\"|-?\\d+(?:\\.\\d+)?|<>|!=|<=|>=|=|<|>|\\(|\\)|(?i:and|or)\\b)");

    private final List<String> tokens;
    private int pos;
    private final Function<String, String> columnOf;

    private FilterLogic(List<String> tokens, Function<String, String> columnOf) {
        this.tokens = tokens;
        this.columnOf = columnOf;
    }

    /**
     * Parses logic into a predicate over a value lookup (column name → value).
     *
     * @param columnOf maps a field reference ({@code age}, {@code race(1)}) to its export column, or null if unknown
     */
    public static Predicate<Function<String, String>> parse(String logic, Function<String, String> columnOf) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(logic);
        int at = 0;
        while (at < logic.length()) {
            if (logic.substring(at).isBlank()) {
                break;
            }
            if (!m.find(at) || m.start() != at) {
                throw invalid(logic, "cannot read '" + logic.substring(at).trim() + "'");
            }
            tokens.add(m.group(1));
            at = m.end();
        }
        FilterLogic parser = new FilterLogic(tokens, columnOf);
        Predicate<Function<String, String>> p = parser.or(logic);
        if (parser.pos != tokens.size()) {
            throw invalid(logic, "unexpected '" + tokens.get(parser.pos) + "'");
        }
        return p;
    }

    private static ApiException invalid(String logic, String why) {
        return ApiException.badRequest("The parameter \"filterLogic\" is not valid: " + why + " in " + logic);
    }

    private Predicate<Function<String, String>> or(String logic) {
        Predicate<Function<String, String>> left = and(logic);
        while (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase("or")) {
            pos++;
            left = left.or(and(logic));
        }
        return left;
    }

    private Predicate<Function<String, String>> and(String logic) {
        Predicate<Function<String, String>> left = factor(logic);
        while (pos < tokens.size() && tokens.get(pos).equalsIgnoreCase("and")) {
            pos++;
            left = left.and(factor(logic));
        }
        return left;
    }

    private Predicate<Function<String, String>> factor(String logic) {
        if (pos >= tokens.size()) {
            throw invalid(logic, "unexpected end");
        }
        if (tokens.get(pos).equals("(")) {
            pos++;
            Predicate<Function<String, String>> inner = or(logic);
            if (pos >= tokens.size() || !tokens.get(pos).equals(")")) {
                throw invalid(logic, "missing ')'");
            }
            pos++;
            return inner;
        }
        Function<Function<String, String>, String> left = operand(logic);
        if (pos >= tokens.size()) {
            throw invalid(logic, "missing comparison");
        }
        String op = tokens.get(pos++);
        if (!List.of("=", "<>", "!=", "<", "<=", ">", ">=").contains(op)) {
            throw invalid(logic, "expected a comparison, found '" + op + "'");
        }
        Function<Function<String, String>, String> right = operand(logic);
        return values -> compare(left.apply(values), op, right.apply(values));
    }

    private Function<Function<String, String>, String> operand(String logic) {
        if (pos >= tokens.size()) {
            throw invalid(logic, "missing value");
        }
        String t = tokens.get(pos++);
        if (t.startsWith("[")) {
            String ref = t.substring(1, t.length() - 1);
            String column = columnOf.apply(ref);
            if (column == null) {
                throw invalid(logic, "unknown field [" + ref + "]");
            }
            return values -> values.apply(column);
        }
        if (t.startsWith("'") || t.startsWith("\"")) {
            String literal = t.substring(1, t.length() - 1);
            return values -> literal;
        }
        if (Character.isDigit(t.charAt(0)) || t.charAt(0) == '-') {
            return values -> t;
        }
        throw invalid(logic, "expected a field or value, found '" + t + "'");
    }

    static boolean compare(String a, String op, String b) {
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        int c;
        if (x != null && y != null) {
            c = x.compareTo(y);
        } else {
            if ((a.isEmpty() || b.isEmpty()) && !op.equals("=") && !op.equals("<>") && !op.equals("!=")) {
                return false;
            }
            c = a.compareTo(b);
        }
        return switch (op) {
            case "=" -> c == 0;
            case "<>", "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static BigDecimal number(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}

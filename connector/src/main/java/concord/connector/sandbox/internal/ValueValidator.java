package concord.connector.sandbox.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** REDCap's per-value import checks: choice codes, form status, and the common text validations. */
final class ValueValidator {
    static final String BAD_FORMAT = "The value you provided could not be validated because it does not follow the expected format. Please try again.";
    private static final Pattern INTEGER = Pattern.compile("-?\\d+");
    private static final Pattern NUMBER = Pattern.compile("-?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final Pattern NUMBER_COMMA = Pattern.compile("-?(\\d+(,\\d*)?|,\\d+)");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private ValueValidator() {
    }

    /** The error message for a non-blank value of a data column, or null when it is valid. */
    static String check(Dictionary d, String column, String value) {
        FieldDef f = d.fieldOf(column);
        if (f == null) {
            return value.matches("[012]") ? null : "The value is not a valid category for " + column;
        }
        if (f.isCheckbox()) {
            return value.equals("0") || value.equals("1") ? null : "The value is not a valid category for " + column;
        }
        if (f.hasChoiceCodes()) {
            return f.choiceList().stream().anyMatch(c -> c.code().equals(value)) ? null
                    : "The value is not a valid category for " + f.fieldName();
        }
        if (!f.fieldType().equals("text")) {
            return null;
        }
        boolean ok = switch (f.validation()) {
            case "integer", "int" -> INTEGER.matcher(value).matches();
            case "number", "float" -> NUMBER.matcher(value).matches();
            case "number_comma_decimal" -> NUMBER_COMMA.matcher(value).matches();
            case "date_ymd" -> isDate(value);
            case "email" -> EMAIL.matcher(value).matches();
            default -> !f.validation().startsWith("number_") || f.validation().contains("comma")
                    || NUMBER.matcher(value).matches();
        };
        return ok ? null : BAD_FORMAT;
    }

    private static boolean isDate(String v) {
        try {
            LocalDate.parse(v);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}

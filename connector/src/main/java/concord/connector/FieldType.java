package concord.connector;

import java.util.Locale;

/** REDCap's field types, as written in the data dictionary's {@code field_type} column. */
public enum FieldType {
    TEXT, NOTES, RADIO, DROPDOWN, CALC, FILE, CHECKBOX, YESNO, TRUEFALSE, DESCRIPTIVE, SLIDER,
    /** "Dynamic SQL" fields: a dropdown whose choices come from an SQL query on the server. */
    SQL;

    /** The dictionary spelling, e.g. {@code "yesno"}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Radio, dropdown, checkbox, yes/no, true/false: fields whose values are choice codes. */
    public boolean hasChoices() {
        return this == RADIO || this == DROPDOWN || this == CHECKBOX || this == YESNO || this == TRUEFALSE;
    }

    /** Parses the dictionary spelling (case and surrounding spaces ignored). */
    public static FieldType fromCode(String code) {
        String c = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        for (FieldType t : values()) {
            if (t.code().equals(c)) {
                return t;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a REDCap field type (expected one of text, notes, "
                + "radio, dropdown, calc, file, checkbox, yesno, truefalse, descriptive, slider, sql)");
    }
}

package concord.server.reliability;

import java.util.List;

/**
 * Data dictionaries and records for {@link BadInputThroughServiceTest}: a group radio {@code grp} and four
 * rating fields of the kinds REDCap offers — radio {@code q1}, slider {@code q2}, integer text {@code q3}, text
 * without validation {@code q4} — so the sandbox's import lets through exactly what REDCap would.
 */
final class BadInputDictionary {
    /** Formula texts in the hostile dictionary's labels; each must reach spreadsheets neutralised. */
    static final List<String> FORMULAS = List.of("=1+2", "+SUM(A1)", "-2+3", "@SUM(1)");

    private static final String HEADER = "field_name,form_name,section_header,field_type,field_label,"
            + "select_choices_or_calculations,field_note,text_validation_type_or_show_slider_number,text_validation_min,"
            + "text_validation_max,identifier,branching_logic,required_field,custom_alignment,question_number,"
            + "matrix_group_name,matrix_ranking,field_annotation\n";
    private static final String SCALE = "1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9";

    private BadInputDictionary() {
    }

    static String good() {
        return dictionary(true, "1, Doctor | 2, Patient", "Pain", "Sleep", "Mood", "Walking");
    }

    static String withGroupChoices(String choices) {
        return dictionary(true, choices, "Pain", "Sleep", "Mood", "Walking");
    }

    static String withoutGroupField() {
        return dictionary(false, "", "Pain", "Sleep", "Mood", "Walking");
    }

    /** Script, attribute-breaking markup, an entity-encoded script and formula starts in labels and group names. */
    static String hostile() {
        return dictionary(true, "1, @SUM(1) Doctor | 2, &lt;script&gt;alert(5)&lt;/script&gt;Patient",
                "=1+2 <script>alert(1)</script>Pain", "+SUM(A1) Sleep \"onerror=alert(2)", "-2+3 Mood <img src=x onerror=alert(3)>",
                "Walking '><script>alert(4)</script>");
    }

    private static String dictionary(boolean withGroup, String groupChoices, String q1, String q2, String q3, String q4) {
        StringBuilder csv = new StringBuilder(HEADER);
        row(csv, "record_id", "text", "Record ID", "", "", "", "", "");
        if (withGroup) {
            row(csv, "grp", "radio", "You are a", groupChoices, "", "", "", "");
        }
        row(csv, "q1", "radio", q1, SCALE, "", "", "", "@CONCORD-OUTCOME");
        row(csv, "q2", "slider", q2, "Not important | | Critical", "number", "1", "9", "@CONCORD-OUTCOME");
        row(csv, "q3", "text", q3, "", "integer", "1", "9", "@CONCORD-OUTCOME");
        row(csv, "q4", "text", q4, "", "", "", "", "@CONCORD-OUTCOME");
        return csv.toString();
    }

    private static void row(StringBuilder csv, String field, String type, String label, String choices, String validation,
                            String min, String max, String annotation) {
        csv.append(String.join(",", q(field), q("ratings"), q(""), q(type), q(label), q(choices), q(""), q(validation),
                q(min), q(max), q(""), q(""), q(""), q(""), q(""), q(""), q(""), q(annotation))).append('\n');
    }

    private static String q(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    /** Valid records: odd IDs doctors rating high, even IDs patients rating lower; every rating 1–9. */
    static String records(int n) {
        StringBuilder csv = new StringBuilder("record_id,grp,q1,q2,q3,q4,ratings_complete\n");
        for (int i = 1; i <= n; i++) {
            boolean doctor = i % 2 == 1;
            csv.append(i).append(',').append(doctor ? 1 : 2).append(',').append(doctor ? 7 + i % 3 : 2 + i % 4).append(',')
                    .append(4 + i % 5).append(',').append(3 + i % 6).append(',').append(1 + i % 9).append(",2\n");
        }
        return csv.toString();
    }
}

package concord.server.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded record exports for {@code hostile-dictionary.csv} that try every rule of the record path: good and bad
 * ratings (10, 0, 7.5, x, " 7 ", +7, 007, 7.0, 1e1, -3, tabs, Unicode digits and spaces, huge numbers), missing
 * answers, empty, unknown and padded groups, adjacent and distant duplicate IDs, non-numeric and non-ASCII IDs,
 * bad and decimal ages (and NaN/Infinity, which the old path crashed on), bad codes, quoted cells with commas,
 * quotes and line breaks, CRLF, a byte-order mark, malformed UTF-8; in longitudinal form several events and
 * instances per record, ratings and group on different rows, repeated rows and the results record.
 */
final class HostileExports {
    static final String DICTIONARY = String.join("\n",
            "field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,"
                    + "text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,"
                    + "branching_logic,required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation",
            "record_id,enrolment,,text,Record ID,,,,,,,,,,,,,",
            "role,enrolment,,radio,Role,\"1, Doctor | 2, Patient | 3, Nurse\",,,,,,,,,,,,@CONCORD-GROUP",
            "age,enrolment,,text,Age,,,number,,,,,,,,,,",
            "sex,enrolment,,radio,Sex,\"1, Female | 2, Male | 10, Other\",,,,,,,,,,,,",
            "pain,ratings,,radio,Pain,\"1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9\",,,,,,,,,,,,\"@CONCORD-OUTCOME @CONCORD-DOMAIN=\"\"Body\"\"\"",
            "sleep,ratings,,radio,Sleep,\"1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9\",,,,,,,,,,,,\"@CONCORD-OUTCOME @CONCORD-DOMAIN=\"\"Body\"\"\"",
            "mood,ratings,,text,Mood,,,integer,1,9,,,,,,,,@CONCORD-OUTCOME",
            "work,ratings,,radio,Work,\"1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9\",,,,,,,,,,,,@CONCORD-OUTCOME",
            "note,ratings,,notes,Note,,,,,,,,,,,,,") + "\n";
    static final List<String> OUTCOMES = List.of("pain", "sleep", "mood", "work");

    private static final String[] BAD_SCORES = {"10", "0", "7.5", "x", " 7 ", "+7", "007", "7.0", "1e1", "-3", "\t5", "٣",
            "7,", "99999999999", "\u20037", "7\u00a0", " ", "\u0001", "NaN",
            // 255 bytes and more: the fingerprint's long length form, ASCII and UTF-8
            "9".repeat(260), "\u75bc".repeat(100)};
    private static final String[] AGES = {"abc", "-4", "45.5", " 33", "0x10", "12d", "", "٣٣", "1,000", "\u2003", "0",
            "007", "1e2", "-0"};
    /** Ages the old path took for numbers and then failed on (the whole analysis stopped). */
    static final String[] NON_FINITE = {"NaN", "Infinity", "1e400", "-Infinity"};
    private static final String[] GROUPS = {"1", "2", "3", "", "4", " 2", "1.0", "\u00a0", "\u0001"};
    private static final String[] NOTES = {"", "plain", "says \"hi\", twice", "line\nbreak", "crlf\r\nbreak", "naïve café", "\u4e2d\u6587",
            "bad \ue000 bytes"};

    private HostileExports() {
    }

    /** A classic export: one row per record, {@code n} records, duplicates and hostile values mixed in. */
    static byte[] classic(long seed, int n, boolean crlf, boolean bom) {
        return classic(seed, n, crlf, bom, false);
    }

    /** With {@code nonFinite}, some ages are NaN or infinite. */
    static byte[] classic(long seed, int n, boolean crlf, boolean bom, boolean nonFinite) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            List<String> row = new ArrayList<>();
            row.add(id(r, i));
            row.add(pick(r, GROUPS, 0.9, "1", "2"));
            row.add(r.nextDouble() < 0.85 ? String.valueOf(r.nextInt(18, 90))
                    : nonFinite && r.nextBoolean() ? NON_FINITE[r.nextInt(NON_FINITE.length)] : AGES[r.nextInt(AGES.length)]);
            row.add(r.nextDouble() < 0.9 ? String.valueOf(r.nextInt(1, 3)) : pick(r, new String[] {"", "9", "10", "F", " 1"}, 0, "1"));
            for (int o = 0; o < OUTCOMES.size(); o++) {
                row.add(score(r));
            }
            row.add(NOTES[r.nextInt(NOTES.length)]);
            rows.add(row);
        }
        for (int k = 0; k < n / 20; k++) { // duplicates, adjacent and distant, some with other values
            int src = r.nextInt(rows.size());
            List<String> dup = new ArrayList<>(rows.get(src));
            if (k % 2 == 1) {
                dup.set(4, score(r));
            }
            rows.add(k % 3 == 0 ? Math.min(rows.size(), src + 1) : r.nextInt(rows.size() + 1), dup);
        }
        List<String> header = List.of("record_id", "role", "age", "sex", "pain", "sleep", "mood", "work", "note");
        return csv(header, rows, crlf, bom, r);
    }

    /** A longitudinal export with a repeating ratings form: several rows per record. */
    static byte[] longitudinal(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        List<List<String>> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String id = id(r, i);
            String role = pick(r, GROUPS, 0.8, "1", "2", "3");
            rows.add(List.of(id, "baseline_arm_1", "", "", r.nextDouble() < 0.8 ? role : "", pick(r, AGES, 0.7, "30", "44.5", "61"),
                    "", "", "", "", "", ""));
            for (String event : new String[] {"baseline_arm_1", "followup_arm_1"}) {
                int instances = r.nextInt(0, 4);
                for (int inst = 1; inst <= instances; inst++) {
                    List<String> row = new ArrayList<>(List.of(id, event, "ratings", r.nextInt(12) == 0 ? " " + inst : String.valueOf(inst),
                            r.nextDouble() < 0.9 ? "" : role, "", ""));
                    boolean empty = r.nextDouble() < 0.2;
                    for (int o = 0; o < OUTCOMES.size(); o++) {
                        row.add(empty ? "" : score(r));
                    }
                    row.add(NOTES[r.nextInt(NOTES.length)]);
                    rows.add(row);
                }
            }
            if (r.nextDouble() < 0.05) {
                rows.add(new ArrayList<>(rows.get(rows.size() - 1))); // same record, event and instance
            }
            if (r.nextDouble() < 0.02) {
                rows.add(List.of(id, "followup_arm_1", "other_form", "1", "", "", "", "9", "9", "9", "9", ""));
            }
            if (i == n / 2) {
                rows.add(List.of("concord-results", "baseline_arm_1", "", "", "", "", "", "", "", "", "", ""));
            }
        }
        List<String> header = List.of("record_id", "redcap_event_name", "redcap_repeat_instrument", "redcap_repeat_instance",
                "role", "age", "sex", "pain", "sleep", "mood", "work", "note");
        return csv(header, rows, false, false, r);
    }

    private static String id(SplittableRandom r, int i) {
        double x = r.nextDouble();
        return x < 0.95 ? String.valueOf(i) : x < 0.97 ? "r-" + i : x < 0.98 ? "Ü" + i : x < 0.985 ? "00" + i
                : x < 0.99 ? "\ue000" + i : " " + i;
    }

    private static String score(SplittableRandom r) {
        double x = r.nextDouble();
        return x < 0.05 ? "" : x < 0.09 ? BAD_SCORES[r.nextInt(BAD_SCORES.length)] : String.valueOf(r.nextInt(1, 10));
    }

    private static String pick(SplittableRandom r, String[] rare, double common, String... usual) {
        return r.nextDouble() < common ? usual[r.nextInt(usual.length)] : rare[r.nextInt(rare.length)];
    }

    private static byte[] csv(List<String> header, List<List<String>> rows, boolean crlf, boolean bom, SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String eol = crlf ? "\r\n" : "\n";
        if (bom) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        out.writeBytes((String.join(",", header) + eol).getBytes(StandardCharsets.UTF_8));
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                String v = row.get(c);
                line.append(c == 0 ? "" : ",");
                boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r") || r.nextInt(30) == 0;
                line.append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            byte[] bytes = (line + eol).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i + 2 < bytes.length; i++) { // U+E000 stands for malformed UTF-8
                if (bytes[i] == (byte) 0xEE && bytes[i + 1] == (byte) 0x80 && bytes[i + 2] == (byte) 0x80) {
                    bytes[i] = (byte) 0xFF;
                    bytes[i + 1] = (byte) 0xC3;
                    bytes[i + 2] = '(';
                }
            }
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}

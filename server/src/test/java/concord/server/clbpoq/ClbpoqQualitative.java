package concord.server.clbpoq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo's coded qualitative data: instances of {@code qualitative_data} for the paper's five focus-group themes
 * (../shared/reference/study.md, "Qualitative part"). The paper's printed quotes are not in Concord's reference
 * material, so every text is a marked placeholder, never a quote attributed to the paper. Each instance sits on
 * the record of a participant of the speaker's group; the speaker code is the group's letter and that record ID.
 */
final class ClbpoqQualitative {
    static final String PLACEHOLDER = "[Illustrative placeholder — the paper's printed quote is not in Concord's reference material]";

    /** One excerpt: theme, outcome fields, speaker's group code ("1" doctor, "2" patient), what the placeholder stands for. */
    record Excerpt(String theme, String outcomes, String group, String about) {
    }

    static final String WHOLE_PERSON = "Doctors treat the whole person";
    static final String COST_SATISFACTION = "Patients stress cost-effectiveness and satisfaction";
    static final String BODY_FUNCTION = "Patients prioritise body image and physical function";
    static final String BEYOND_PAIN = "A shared priority beyond pain";
    static final String ADVERSE_EVENTS = "Shared concern about adverse events";

    static final List<Excerpt> EXCERPTS = List.of(
            new Excerpt(WHOLE_PERSON, "quality_of_life, locomotor_function", "1",
                    "a doctor explaining why treatment is judged by the patient's whole life, not the back alone"),
            new Excerpt(WHOLE_PERSON, "quality_of_life", "1",
                    "a doctor on quality of life as the aim of treating chronic pain"),
            new Excerpt(COST_SATISFACTION, "qaly, healthcare_utilization", "2",
                    "a patient weighing what treatment costs in money, visits and time against what it achieves"),
            new Excerpt(COST_SATISFACTION, "overall_satisfaction", "2",
                    "a patient on being satisfied with the care received"),
            new Excerpt(BODY_FUNCTION, "body_image", "2",
                    "a patient on how a stooped posture changes how they see themselves"),
            new Excerpt(BODY_FUNCTION, "weight_bearing, spinal_deformity", "2",
                    "a patient on lifting and carrying, and on the shape of the spine"),
            new Excerpt(BEYOND_PAIN, "daily_living", "1",
                    "a doctor on getting through everyday activities as the goal beyond pain relief"),
            new Excerpt(BEYOND_PAIN, "daily_living", "2",
                    "a patient on managing dressing, washing and housework again"),
            new Excerpt(ADVERSE_EVENTS, "adverse_events, surgery_adverse_events", "1",
                    "a doctor on the complications that make a treatment unacceptable"),
            new Excerpt(ADVERSE_EVENTS, "adverse_events", "2",
                    "a patient worried about harm from treatment"));

    private ClbpoqQualitative() {
    }

    /**
     * The instances as export rows (record ID, repeat columns, the instrument's fields, its status), in record then
     * instance order. A group's n-th excerpt sits on the n-th record of that group (record-ID order).
     */
    static List<Map<String, String>> rows(List<Map<String, String>> records) {
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        records.stream().sorted(ClbpoqParticipants.byRecordId())
                .forEach(r -> byGroup.computeIfAbsent(r.get("group"), g -> new ArrayList<>()).add(r.get("record_id")));
        Map<String, Integer> used = new LinkedHashMap<>();
        List<Map<String, String>> rows = new ArrayList<>();
        for (Excerpt e : EXCERPTS) {
            int n = used.merge(e.group(), 1, Integer::sum);
            String record = byGroup.get(e.group()).get(n - 1);
            Map<String, String> row = new LinkedHashMap<>();
            row.put("record_id", record);
            row.put("redcap_repeat_instrument", ClbpoqDictionary.QUALITATIVE_DATA);
            row.put("redcap_repeat_instance", "1");
            row.put("qual_theme", e.theme());
            row.put("qual_outcomes", e.outcomes());
            row.put("qual_group", e.group());
            row.put("qual_speaker", (e.group().equals("1") ? "D" : "P") + record);
            row.put("qual_quote", PLACEHOLDER + " Stands for " + e.about() + ".");
            row.put("qualitative_data_complete", "2");
            rows.add(row);
        }
        rows.sort(ClbpoqParticipants.byRecordId());
        return rows;
    }

    /** The export columns of the instrument alone (as REDCap exports one instrument of a project with repeating forms). */
    static List<String> columns() {
        return List.of("record_id", "redcap_repeat_instrument", "redcap_repeat_instance", "qual_theme", "qual_outcomes",
                "qual_group", "qual_speaker", "qual_quote", "qual_core_area", "qualitative_data_complete");
    }
}

package concord.server.clbpoq;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CLBPOQ REDCap project's instruments as data-dictionary rows: {@code participant} (group and
 * demographics with branching logic), {@code outcome_ratings} (57 outcomes on the GRADE 1–9 scale,
 * one matrix per COMET domain), {@code concord_results} (the summary of Concord's latest run) and
 * the repeating {@code concord_outcome_results} (one instance per outcome) and the repeating
 * {@code concord_group_results} (one instance per outcome and stakeholder group, for any number of groups).
 */
final class ClbpoqDictionary {

    static final String PARTICIPANT = "participant";
    static final String OUTCOME_RATINGS = "outcome_ratings";
    static final String CONCORD_RESULTS = "concord_results";
    static final String CONCORD_OUTCOME_RESULTS = "concord_outcome_results";
    static final String CONCORD_GROUP_RESULTS = "concord_group_results";
    static final String QUALITATIVE_DATA = "qualitative_data";

    /** Instrument unique name → label, in project order. */
    static final Map<String, String> INSTRUMENTS = new LinkedHashMap<>();

    static {
        INSTRUMENTS.put(PARTICIPANT, "Participant");
        INSTRUMENTS.put(OUTCOME_RATINGS, "Outcome Ratings");
        INSTRUMENTS.put(CONCORD_RESULTS, "Concord Results");
        INSTRUMENTS.put(CONCORD_OUTCOME_RESULTS, "Concord Outcome Results");
        INSTRUMENTS.put(CONCORD_GROUP_RESULTS, "Concord Group Results");
        INSTRUMENTS.put(QUALITATIVE_DATA, "Qualitative Data");
    }

    /** The repeating instruments and their custom instance labels, in project order. */
    static final Map<String, String> REPEATING = new LinkedHashMap<>();

    static {
        REPEATING.put(CONCORD_OUTCOME_RESULTS, "[or_label]");
        REPEATING.put(CONCORD_GROUP_RESULTS, "[gr_outcome]: [gr_group_label]");
        REPEATING.put(QUALITATIVE_DATA, "[qual_speaker]: [qual_theme]");
    }

    static final String GROUP_CHOICES = "1, Doctor | 2, Patient";
    static final String DOCTOR = "[group] = '1'";
    static final String PATIENT = "[group] = '2'";
    static final String GRADE_CHOICES = "1, 1 | 2, 2 | 3, 3 | 4, 4 | 5, 5 | 6, 6 | 7, 7 | 8, 8 | 9, 9";
    static final String CONSENSUS_CHOICES = "1, Critical | 2, No consensus | 3, Not important";

    private ClbpoqDictionary() {
    }

    static List<DictionaryField> fields(ClbpoqCatalog catalog) {
        List<DictionaryField> f = new ArrayList<>(participant());
        f.addAll(outcomeRatings(catalog));
        f.addAll(concordResults());
        f.addAll(concordOutcomeResults());
        f.addAll(concordGroupResults());
        f.addAll(qualitativeData());
        return f;
    }

    private static List<DictionaryField> participant() {
        String form = PARTICIPANT;
        return List.of(
                DictionaryField.of("record_id", form, "text", "Record ID"),
                DictionaryField.of("group", form, "radio", "Stakeholder group").choices(GROUP_CHOICES).mandatory()
                        .annotate("@CONCORD-GROUP"),
                DictionaryField.of("age", form, "text", "Age (years)").validate("integer", "18", "100"),
                DictionaryField.of("sex", form, "radio", "Sex").choices("1, Female | 2, Male"),
                DictionaryField.of("diagnosis", form, "radio", "Diagnosis").header("Patients")
                        .choices("1, Non-specific low back pain | 2, Lumbar disc herniation | 3, Lumbar spinal stenosis"
                                + " | 4, Spondylolisthesis | 5, Sciatica")
                        .showIf(PATIENT),
                DictionaryField.of("pain_years", form, "text", "Years with low back pain")
                        .note("Since the pain began; months as fractions (3 months = 0.25)")
                        .validate("number", "0", "80").showIf(PATIENT),
                DictionaryField.of("specialty", form, "radio", "Specialty").header("Doctors")
                        .choices("1, Acupuncture | 2, Tuina | 3, Rehabilitation | 4, Orthopedics | 5, Anesthesia")
                        .showIf(DOCTOR),
                DictionaryField.of("qualification", form, "radio", "Professional title")
                        .choices("1, Resident physician | 2, Attending physician | 3, Associate chief physician"
                                + " | 4, Chief physician")
                        .showIf(DOCTOR),
                DictionaryField.of("practice_years", form, "text", "Years of clinical practice")
                        .validate("integer", "0", "60").showIf(DOCTOR));
    }

    private static List<DictionaryField> outcomeRatings(ClbpoqCatalog catalog) {
        List<DictionaryField> fields = new ArrayList<>();
        String previousDomain = "";
        for (ClbpoqCatalog.Outcome o : catalog.questionnaireOrder()) {
            ClbpoqCatalog.Domain domain = catalog.domain(o.domain());
            DictionaryField field = DictionaryField.of(o.field(), OUTCOME_RATINGS, "radio", o.label())
                    .choices(GRADE_CHOICES).note(o.definition()).matrix(domain.matrix())
                    .annotate("@CONCORD-OUTCOME @CONCORD-DOMAIN=\"" + domain.name() + "\" @CONCORD-CORE-AREA=\""
                            + domain.coreArea() + "\"");
            if (!domain.name().equals(previousDomain)) {
                field = field.header(domain.name() + " (" + domain.coreArea() + "). How important is each outcome"
                        + " when judging a treatment for chronic low back pain? 1-3 not important,"
                        + " 4-6 important but not critical, 7-9 critically important.");
            }
            fields.add(field);
            previousDomain = domain.name();
        }
        return fields;
    }

    /**
     * The run summary. The names Concord's publisher writes ({@code concord.server.publish.ResultsRecord}:
     * run id and time, records analysed and excluded, outcomes, differing, fingerprint, summary) are a
     * contract with the server; the PDF field is the one to configure as {@code publish.pdf-field}.
     */
    private static List<DictionaryField> concordResults() {
        String form = CONCORD_RESULTS;
        String ro = "@READONLY";
        return List.of(
                DictionaryField.of("concord_run_id", form, "text", "Run ID")
                        .header("Written by Concord after each run; do not edit.").annotate(ro),
                DictionaryField.of("concord_run_time", form, "text", "Run finished at (UTC)")
                        .validate("datetime_ymd", "", "").annotate(ro),
                DictionaryField.of("concord_records", form, "text", "Records analysed").validate("integer", "", "").annotate(ro),
                DictionaryField.of("concord_excluded", form, "text", "Records left out (see the run's issues)")
                        .validate("integer", "", "").annotate(ro),
                DictionaryField.of("concord_n_doctor", form, "text", "Doctors analysed").validate("integer", "", "").annotate(ro),
                DictionaryField.of("concord_n_patient", form, "text", "Patients analysed").validate("integer", "", "").annotate(ro),
                DictionaryField.of("concord_outcomes", form, "text", "Outcomes analysed").validate("integer", "", "").annotate(ro),
                DictionaryField.of("concord_differing", form, "text", "Outcomes on which doctors and patients differ")
                        .note("By consensus classification, chi-square or rank-sum test").validate("integer", "", "").annotate(ro),
                DictionaryField.of("concord_critical_both", form, "text", "Outcomes critical for both groups")
                        .validate("integer", "", "").annotate(ro),
                DictionaryField.of("concord_summary", form, "notes", "Summary per outcome").annotate(ro),
                DictionaryField.of("concord_dashboard_url", form, "text", "Dashboard link").annotate(ro),
                DictionaryField.of("concord_dashboard_link", form, "descriptive",
                        "<a href=\"[concord_dashboard_url]\" target=\"_blank\">Open the Concord dashboard</a>")
                        .showIf("[concord_dashboard_url] <> ''"),
                DictionaryField.of("concord_report_pdf", form, "file", "Report (PDF)").annotate(ro),
                DictionaryField.of("concord_fingerprint", form, "text", "Fingerprint of the records read")
                        .note("Hash of the data; the same data give the same fingerprint").annotate(ro),
                DictionaryField.of("concord_versions", form, "text", "Concord and REDCap versions").annotate(ro),
                DictionaryField.of("concord_methods", form, "notes", "Methods").annotate(ro));
    }

    private static List<DictionaryField> concordOutcomeResults() {
        String form = CONCORD_OUTCOME_RESULTS;
        String ro = "@READONLY";
        List<DictionaryField> f = new ArrayList<>(List.of(
                DictionaryField.of("or_field", form, "text", "Outcome variable")
                        .header("One instance per outcome, written by Concord after each run; do not edit.").annotate(ro),
                DictionaryField.of("or_label", form, "text", "Outcome").annotate(ro),
                DictionaryField.of("or_domain", form, "text", "Domain").annotate(ro)));
        for (String group : List.of("doctor", "patient")) {
            String label = group.equals("doctor") ? "Doctors" : "Patients";
            f.add(DictionaryField.of("or_" + group + "_n", form, "text", label + ": n answering")
                    .validate("integer", "", "").annotate(ro));
            f.add(DictionaryField.of("or_" + group + "_pct_critical", form, "text", label + ": % scoring 7-9")
                    .validate("number_1dp", "0", "100").annotate(ro));
            f.add(DictionaryField.of("or_" + group + "_mean", form, "text", label + ": mean score")
                    .validate("number_2dp", "1", "9").annotate(ro));
            f.add(DictionaryField.of("or_" + group + "_consensus", form, "radio", label + ": consensus")
                    .choices(CONSENSUS_CHOICES).annotate(ro));
        }
        f.add(DictionaryField.of("or_p_chisq", form, "text", "P, Pearson chi-square on the three bands")
                .validate("number", "0", "1").annotate(ro));
        f.add(DictionaryField.of("or_p_exact", form, "text", "P, Fisher-Freeman-Halton exact test")
                .validate("number", "0", "1").annotate(ro));
        f.add(DictionaryField.of("or_p_rank_sum", form, "text", "P, rank test (Mann-Whitney; Kruskal-Wallis for three or more groups)")
                .note("Asymptotic, tie-corrected, no continuity correction (as SPSS)").validate("number", "0", "1").annotate(ro));
        f.add(DictionaryField.of("or_verdict", form, "radio", "Verdict").choices("1, Groups agree | 2, Groups differ")
                .annotate(ro));
        f.add(DictionaryField.of("or_differ_by", form, "checkbox", "Groups differ by")
                .choices("1, Consensus classification | 2, Chi-square test | 3, Rank-sum test")
                .showIf("[or_verdict] = '2'").annotate(ro));
        return f;
    }

    /**
     * One instance per (outcome, stakeholder group), outcomes in study order and groups in code order within
     * each: the per-group figures for any number of groups (the doctor/patient fields of
     * {@code concord_outcome_results} are written only when a study compares exactly two groups).
     */
    private static List<DictionaryField> concordGroupResults() {
        String form = CONCORD_GROUP_RESULTS;
        String ro = "@READONLY";
        return List.of(
                DictionaryField.of("gr_field", form, "text", "Outcome variable")
                        .header("One instance per outcome and stakeholder group, written by Concord after each run; do not edit.")
                        .annotate(ro),
                DictionaryField.of("gr_outcome", form, "text", "Outcome").annotate(ro),
                DictionaryField.of("gr_group_code", form, "text", "Group code").note("The choice code of the group field")
                        .annotate(ro),
                DictionaryField.of("gr_group_label", form, "text", "Group").annotate(ro),
                DictionaryField.of("gr_n", form, "text", "n answering").validate("integer", "", "").annotate(ro),
                DictionaryField.of("gr_pct_critical", form, "text", "% scoring 7-9").validate("number_1dp", "0", "100").annotate(ro),
                DictionaryField.of("gr_mean", form, "text", "Mean score").validate("number_2dp", "1", "9").annotate(ro),
                DictionaryField.of("gr_median", form, "text", "Median score").note("Weighted average definition (as SPSS)")
                        .validate("number", "1", "9").annotate(ro),
                DictionaryField.of("gr_consensus", form, "radio", "Consensus").choices(CONSENSUS_CHOICES).annotate(ro));
    }

    /**
     * Coded qualitative data, one instance per quote: the field names are a contract with the server's
     * {@code concord.server.load.QualitativeInstrument}. The speaker code identifies the speaker in print (never a name).
     */
    private static List<DictionaryField> qualitativeData() {
        String form = QUALITATIVE_DATA;
        return List.of(
                DictionaryField.of("qual_theme", form, "text", "Theme")
                        .header("One instance per coded focus-group or interview excerpt; Concord lines them up with the ratings"
                                + " in the joint display.").mandatory(),
                DictionaryField.of("qual_outcomes", form, "text", "Outcomes (field names)")
                        .note("Variable names of the outcomes the excerpt concerns, separated by commas, e.g. body_image, qaly")
                        .mandatory(),
                DictionaryField.of("qual_group", form, "radio", "Speaker's stakeholder group").choices(GROUP_CHOICES).mandatory(),
                DictionaryField.of("qual_speaker", form, "text", "Speaker code")
                        .note("Letters then digits, e.g. D7 or P27; never a name"),
                DictionaryField.of("qual_quote", form, "notes", "Quote").mandatory()
                        .note("Participant text: Concord escapes it in every report and never logs it"),
                DictionaryField.of("qual_core_area", form, "text", "COMET core area (optional)")
                        .note("Only for outcomes whose field has no @CONCORD-CORE-AREA annotation"));
    }
}

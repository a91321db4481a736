package concord.connector.sandbox.conformance;

import concord.connector.sandbox.RedcapSandbox;
import concord.connector.sandbox.SandboxProject;
import concord.connector.sandbox.SandboxUser;
import java.net.URI;
import java.util.List;

/**
 * The classic project every conformance case talks to, fresh for each case: an instrument {@code enrolment}
 * (text, integer, radio, checkbox and File Upload fields) and a repeating instrument {@code visit}; two records
 * (record 1 with one visit), a data access group {@code site_a}, a saved report, and the tokens of two users.
 */
final class ConformanceProject {
    static final String DICTIONARY = String.join("\n",
            "field_name,form_name,section_header,field_type,field_label,select_choices_or_calculations,field_note,"
                    + "text_validation_type_or_show_slider_number,text_validation_min,text_validation_max,identifier,branching_logic,"
                    + "required_field,custom_alignment,question_number,matrix_group_name,matrix_ranking,field_annotation",
            "record_id,enrolment,,text,Record ID,,,,,,,,,,,,,",
            "name,enrolment,,text,Name,,,,,,y,,,,,,,",
            "age,enrolment,,text,Age,,,integer,0,120,,,,,,,,",
            "group,enrolment,,radio,Group,\"1, Patient | 2, Clinician\",,,,,,,,,,,,",
            "colour,enrolment,,checkbox,Colours,\"1, Red | 2, Blue\",,,,,,,,,,,,",
            "consent,enrolment,,file,Consent form,,,,,,,,,,,,,",
            "visit_date,visit,,text,Visit date,,,date_ymd,,,,,,,,,,",
            "score,visit,,text,Score,,,integer,1,9,,,,,,,,",
            "");
    static final String RECORDS = String.join("\n",
            "record_id,redcap_repeat_instrument,redcap_repeat_instance,name,age,group,colour___1,colour___2,consent,enrolment_complete,"
                    + "visit_date,score,visit_complete",
            "1,,,Ann,34,1,1,0,,2,,,",
            "1,visit,1,,,,,,,,2024-01-10,7,2",
            "2,,,Bo,51,2,0,1,,1,,,",
            "");

    final RedcapSandbox sandbox;
    final SandboxProject project;
    final int pid;
    /** alice: every right, no data access group. */
    final String token;
    /** bob: API export only. */
    final String exportOnlyToken;
    final int reportId;

    ConformanceProject(RedcapSandbox sandbox) {
        this.sandbox = sandbox;
        this.project = SandboxProject.fromDictionaryCsv("Conformance", DICTIONARY, RECORDS);
        project.addDataAccessGroup("Site A");
        this.reportId = project.addReport("Visit scores", List.of("record_id", "score"), "[score] >= 5");
        this.pid = sandbox.addProject(project);
        this.token = sandbox.createToken(pid, SandboxUser.withAllRights("alice"));
        this.exportOnlyToken = sandbox.createToken(pid, SandboxUser.exportOnly("bob"));
    }

    URI api() {
        return sandbox.apiUrl();
    }
}

package concord.connector.sandbox.internal;

import java.util.List;
import java.util.Set;

/**
 * {@code content=report}: a saved report's records, which REDCap exports as a flat record export of the report's
 * fields under its filter ({@code type} is ignored), with the request's {@code rawOrLabel},
 * {@code rawOrLabelHeaders}, {@code exportCheckboxLabel} and {@code csvDelimiter}. The record ID comes first.
 */
final class ReportExporter {
    /** Request parameters a report export passes on to the record export; the report supplies the rest. */
    private static final Set<String> PASSED = Set.of("token", "content", "format", "returnFormat", "rawOrLabel", "rawOrLabelHeaders",
            "exportCheckboxLabel", "csvDelimiter", "decimalCharacter");

    private ReportExporter() {
    }

    static Reply export(Call call, FaultInjector faults) {
        String id = call.params().get("report_id", "").trim();
        ProjectData project = call.project();
        ReportDef report = id.matches("\\d{1,9}") ? project.report(Integer.parseInt(id)) : null;
        if (report == null) {
            throw ApiException.badRequest("The value of the parameter \"report_id\" is not valid: '" + id + "' is not a report of this project"
                    + " (sandbox wording)");
        }
        Params p = new Params();
        call.params().all().forEach((name, values) -> {
            if (PASSED.contains(name)) {
                values.forEach(v -> p.add(name, v));
            }
        });
        String recordId = project.dictionary().recordIdName();
        if (!report.fields().contains(recordId)) {
            p.add("fields[]", recordId);
        }
        List<String> fields = report.fields();
        fields.forEach(f -> p.add("fields[]", f));
        p.add("filterLogic", report.filterLogic());
        return RecordExporter.export(new Call(call.state(), call.grant(), p, call.format(), call.returnFormat()), faults);
    }
}

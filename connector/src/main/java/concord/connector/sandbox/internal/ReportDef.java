package concord.connector.sandbox.internal;

import java.util.List;

/** A saved report of a project: its id (REDCap's {@code report_id}), title, fields in order and filter logic. */
public record ReportDef(int reportId, String title, List<String> fields, String filterLogic) {
    public ReportDef {
        fields = List.copyOf(fields);
        filterLogic = filterLogic == null ? "" : filterLogic;
    }
}

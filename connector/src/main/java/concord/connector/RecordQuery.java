package concord.connector;

import java.util.List;
import java.util.Objects;

/**
 * Which records to export. Empty lists and empty strings mean "no restriction". The record-ID
 * field is always exported, whatever {@code fields}/{@code forms} say.
 *
 * @param fields         field names (checkbox fields by their base name)
 * @param forms          instrument names
 * @param events         unique event names
 * @param records        record IDs
 * @param filterLogic    REDCap logic, e.g. {@code [role] = '1'}
 * @param dateRangeBegin records created or modified after this server time, {@code YYYY-MM-DD HH:MM:SS}
 * @param dateRangeEnd   records created or modified before this server time
 * @param dataAccessGroups add the {@code redcap_data_access_group} column (ignored by REDCap for DAG users)
 * @param surveyFields   add {@code redcap_survey_identifier} and each survey's {@code <form>_timestamp}
 */
public record RecordQuery(List<String> fields, List<String> forms, List<String> events, List<String> records,
                          String filterLogic, String dateRangeBegin, String dateRangeEnd, boolean dataAccessGroups,
                          boolean surveyFields) {

    private static final RecordQuery ALL = new RecordQuery(List.of(), List.of(), List.of(), List.of(), "", "", "", false, false);

    public RecordQuery {
        fields = List.copyOf(fields);
        forms = List.copyOf(forms);
        events = List.copyOf(events);
        records = List.copyOf(records);
        filterLogic = Objects.requireNonNullElse(filterLogic, "").strip();
        dateRangeBegin = Objects.requireNonNullElse(dateRangeBegin, "").strip();
        dateRangeEnd = Objects.requireNonNullElse(dateRangeEnd, "").strip();
    }

    /** Every record, every field. */
    public static RecordQuery all() {
        return ALL;
    }

    public RecordQuery withFields(List<String> value) {
        return new RecordQuery(value, forms, events, records, filterLogic, dateRangeBegin, dateRangeEnd, dataAccessGroups, surveyFields);
    }

    public RecordQuery withFields(String... value) {
        return withFields(List.of(value));
    }

    public RecordQuery withForms(List<String> value) {
        return new RecordQuery(fields, value, events, records, filterLogic, dateRangeBegin, dateRangeEnd, dataAccessGroups, surveyFields);
    }

    public RecordQuery withForms(String... value) {
        return withForms(List.of(value));
    }

    public RecordQuery withEvents(List<String> value) {
        return new RecordQuery(fields, forms, value, records, filterLogic, dateRangeBegin, dateRangeEnd, dataAccessGroups, surveyFields);
    }

    public RecordQuery withEvents(String... value) {
        return withEvents(List.of(value));
    }

    public RecordQuery withRecords(List<String> value) {
        return new RecordQuery(fields, forms, events, value, filterLogic, dateRangeBegin, dateRangeEnd, dataAccessGroups, surveyFields);
    }

    public RecordQuery withRecords(String... value) {
        return withRecords(List.of(value));
    }

    public RecordQuery withFilterLogic(String value) {
        return new RecordQuery(fields, forms, events, records, value, dateRangeBegin, dateRangeEnd, dataAccessGroups, surveyFields);
    }

    public RecordQuery withDateRange(String begin, String end) {
        return new RecordQuery(fields, forms, events, records, filterLogic, begin, end, dataAccessGroups, surveyFields);
    }

    public RecordQuery withDataAccessGroups(boolean value) {
        return new RecordQuery(fields, forms, events, records, filterLogic, dateRangeBegin, dateRangeEnd, value, surveyFields);
    }

    public RecordQuery withSurveyFields(boolean value) {
        return new RecordQuery(fields, forms, events, records, filterLogic, dateRangeBegin, dateRangeEnd, dataAccessGroups,
                value);
    }
}

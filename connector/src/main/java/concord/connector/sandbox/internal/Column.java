package concord.connector.sandbox.internal;

/** One column of a flat record export: a data column, a {@code redcap_*} pseudo-column or a survey column. */
record Column(String name, int index, Kind kind) {
    enum Kind { DATA, SPECIAL, EXTRA }

    static Column data(String name, int index) {
        return new Column(name, index, Kind.DATA);
    }

    static Column special(String name) {
        return new Column(name, -1, Kind.SPECIAL);
    }

    static Column extra(String name) {
        return new Column(name, -1, Kind.EXTRA);
    }

    Object cell(RecordEntry record, RecordRow row, ValueLabels labels) {
        return switch (kind) {
            case DATA -> labels.value(index, row.get(index), row);
            case EXTRA -> row.extra(name);
            case SPECIAL -> switch (name) {
                case "redcap_event_name" -> labels.event(row.event());
                case "redcap_repeat_instrument" -> labels.instrument(row.repeatInstrument());
                case "redcap_repeat_instance" -> row.isRepeat() ? (Object) row.instance() : "";
                case "redcap_data_access_group" -> labels.dag(record.dag());
                case "redcap_survey_identifier" -> row.extra(name);
                default -> "";
            };
        };
    }

    /** REDCap's label header ({@code rawOrLabelHeaders=label}): the field label, checkboxes with their choice. */
    String header(ProjectData project) {
        if (kind != Kind.DATA) {
            return switch (name) {
                case "redcap_event_name" -> "Event Name";
                case "redcap_repeat_instrument" -> "Repeat Instrument";
                case "redcap_repeat_instance" -> "Repeat Instance";
                case "redcap_data_access_group" -> "Data Access Group";
                case "redcap_survey_identifier" -> "Survey Identifier";
                default -> "Survey Timestamp";
            };
        }
        Dictionary d = project.dictionary();
        FieldDef f = d.fieldOf(name);
        if (f == null) {
            return "Complete?";
        }
        if (f.isCheckbox()) {
            for (Choice c : f.choiceList()) {
                if (FieldDef.checkboxColumn(f.fieldName(), c.code()).equals(name)) {
                    return f.fieldLabel() + " (choice=" + c.label() + ")";
                }
            }
        }
        return f.fieldLabel();
    }
}

package concord.connector.sandbox.internal;

import java.util.List;
import java.util.Map;

/**
 * The checks REDCap's record import makes on {@code redcap_repeat_instrument} / {@code redcap_repeat_instance}
 * and on fields that sit on a repeating instrument, with REDCap's texts where public sources quote them
 * (https://github.com/redcap-tools/PyCap/issues/154, https://github.com/medizininformatik-initiative/INTERPOLAR/issues/308).
 * Each problem is one {@code "record","field","value","message"} line, like every other import error.
 */
final class RepeatRowRules {
    static final String NOT_A_REPEATING_INSTRUMENT = "redcap_repeat_instrument must be the unique form name of a Repeating Instrument. "
            + "It currently does not match the unique form name of any Repeating Instruments.  Please fix this in the data import file and try again.";
    static final String INSTANCE_NOT_ALLOWED = "redcap_repeat_instance cannot have a value since this instrument or event is not a repeating "
            + "instrument or repeating event, respectively.  The redcap_repeat_instance field must be left blank for this row of data.";

    private RepeatRowRules() {
    }

    /** Problems of one row (already known to have a record ID and, in longitudinal projects, a valid event). */
    static void check(ProjectData project, String id, String event, Map<String, String> row, List<String> errors) {
        Dictionary d = project.dictionary();
        String instrument = row.getOrDefault("redcap_repeat_instrument", "").trim();
        String instance = row.getOrDefault("redcap_repeat_instance", "").trim();
        boolean repeatingEvent = project.isRepeatingEvent(event);
        if (!instrument.isEmpty() && !project.isRepeatingForm(event, instrument)) {
            errors.add(RecordImporter.line(id, "redcap_repeat_instrument", instrument, NOT_A_REPEATING_INSTRUMENT));
            return;
        }
        if (instrument.isEmpty() && !repeatingEvent && !instance.isEmpty()) {
            errors.add(RecordImporter.line(id, "redcap_repeat_instance", instance, INSTANCE_NOT_ALLOWED));
            return;
        }
        if (!instance.isEmpty() && !instance.equalsIgnoreCase("new") && !instance.matches("[1-9][0-9]{0,4}")) {
            errors.add(RecordImporter.line(id, "redcap_repeat_instance", instance,
                    "redcap_repeat_instance must be a whole number from 1 to 32767, or 'new' for the next instance (sandbox)"));
            return;
        }
        for (Map.Entry<String, String> e : row.entrySet()) {
            int index = d.index(e.getKey());
            if (index <= 0 || e.getValue().isEmpty()) {
                continue;
            }
            String form = d.formOf(e.getKey());
            if (instrument.isEmpty() && !repeatingEvent && project.isRepeatingForm(event, form)) {
                errors.add(RecordImporter.line(id, e.getKey(), e.getValue(), "This field ('" + e.getKey() + "') exists on a Repeating Instrument named '"
                        + form + "'. However, the fields 'redcap_repeat_instance' and/or 'redcap_repeat_instrument' for this row of data have no value, "
                        + "which are both required for importing data into a Repeating Instrument.  You are not allowed to import data for this "
                        + "field into a non-repeating instrument."));
            } else if (!instrument.isEmpty() && !form.equals(instrument)) {
                errors.add(RecordImporter.line(id, e.getKey(), e.getValue(), "This field ('" + e.getKey() + "') is on the instrument '" + form
                        + "', not on the repeating instrument '" + instrument + "' this row names in redcap_repeat_instrument; import it on a row of its "
                        + "own instrument (sandbox)"));
            }
        }
    }
}

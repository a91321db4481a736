package concord.connector.internal;

import com.fasterxml.jackson.databind.JsonNode;
import concord.connector.Arm;
import concord.connector.BookmarkIdentity;
import concord.connector.DataAccessGroup;
import concord.connector.ExportFieldName;
import concord.connector.FieldMetadata;
import concord.connector.FormEventMapping;
import concord.connector.Instrument;
import concord.connector.ProjectInfo;
import concord.connector.RedcapEvent;
import concord.connector.RepeatingFormEvent;
import concord.connector.RepositoryEntry;
import concord.connector.UserRights;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Maps REDCap's small JSON answers onto the public value types. Tolerant where REDCap varies
 * between versions: numbers may arrive as JSON numbers or as text, blanks as {@code ""} or null.
 */
public final class JsonMappers {

    private static final Set<String> USER_TEXT_ATTRIBUTES = Set.of("username", "email", "firstname", "lastname",
            "expiration", "data_access_group", "data_access_group_id", "data_access_group_label", "forms",
            "forms_export");

    private JsonMappers() {
    }

    public static <T> List<T> list(JsonNode array, String what, Function<JsonNode, T> mapper) {
        if (array == null || !array.isArray()) {
            throw new IllegalArgumentException("expected a JSON array of " + what + ", found "
                    + (array == null ? "nothing" : array.getNodeType()));
        }
        List<T> out = new ArrayList<>(array.size());
        array.forEach(n -> out.add(mapper.apply(n)));
        return out;
    }

    public static ProjectInfo project(JsonNode n) {
        Map<String, String> attributes = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> attributes.put(e.getKey(), asText(e.getValue())));
        return new ProjectInfo(integer(n, "project_id"), text(n, "project_title"), text(n, "creation_time"),
                text(n, "production_time"), flag(n, "in_production"), text(n, "project_language"), text(n, "purpose"),
                text(n, "project_notes"), text(n, "custom_record_label"), text(n, "secondary_unique_field"),
                flag(n, "is_longitudinal"), flag(n, "surveys_enabled"), flag(n, "record_autonumbering_enabled"),
                flag(n, "randomization_enabled"), text(n, "project_irb_number"), text(n, "project_pi_firstname"),
                text(n, "project_pi_lastname"), attributes);
    }

    /** The data dictionary; rows are numbered from 1 in error messages. */
    public static List<FieldMetadata> fields(JsonNode array) {
        list(array, "fields", n -> n); // checks the shape
        List<FieldMetadata> fields = new ArrayList<>(array.size());
        for (JsonNode n : array) {
            fields.add(field(n, fields.size()));
        }
        return List.copyOf(fields);
    }

    public static FieldMetadata field(JsonNode n, int index) {
        Map<String, String> row = new LinkedHashMap<>();
        n.fields().forEachRemaining(e -> row.put(e.getKey(), asText(e.getValue())));
        return MetadataRows.toField(row, "metadata row " + (index + 1));
    }

    public static Instrument instrument(JsonNode n) {
        return new Instrument(text(n, "instrument_name"), text(n, "instrument_label"));
    }

    public static ExportFieldName exportFieldName(JsonNode n) {
        return new ExportFieldName(text(n, "original_field_name"), text(n, "choice_value"), text(n, "export_field_name"));
    }

    public static Arm arm(JsonNode n) {
        return new Arm((int) integer(n, "arm_num"), text(n, "name"));
    }

    public static RedcapEvent event(JsonNode n) {
        return new RedcapEvent(text(n, "event_name"), (int) integer(n, "arm_num"), text(n, "unique_event_name"),
                text(n, "custom_event_label"), integer(n, "event_id"), text(n, "day_offset"), text(n, "offset_min"),
                text(n, "offset_max"));
    }

    public static FormEventMapping formEventMapping(JsonNode n) {
        return new FormEventMapping((int) integer(n, "arm_num"), text(n, "unique_event_name"), text(n, "form"));
    }

    public static RepeatingFormEvent repeatingFormEvent(JsonNode n) {
        return new RepeatingFormEvent(text(n, "event_name"), text(n, "form_name"), text(n, "custom_form_label"));
    }

    public static DataAccessGroup dag(JsonNode n) {
        return new DataAccessGroup(text(n, "data_access_group_name"), text(n, "unique_group_name"),
                integer(n, "data_access_group_id"));
    }

    public static UserRights user(JsonNode n) {
        Map<String, Integer> rights = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!USER_TEXT_ATTRIBUTES.contains(e.getKey())) {
                Integer value = smallInteger(asText(e.getValue()));
                if (value != null) {
                    rights.put(e.getKey(), value);
                }
            }
        }
        return new UserRights(text(n, "username"), text(n, "email"), text(n, "firstname"), text(n, "lastname"),
                text(n, "expiration"), text(n, "data_access_group"), rights, formRights(n.get("forms")),
                formRights(n.get("forms_export")));
    }

    public static RepositoryEntry repositoryEntry(JsonNode n) {
        String folderId = text(n, "folder_id");
        boolean folder = !folderId.isEmpty();
        long id = folder ? Long.parseLong(folderId) : integer(n, "doc_id");
        return new RepositoryEntry(folder, id, text(n, "name"), text(n, "role"), text(n, "dag"));
    }

    public static BookmarkIdentity bookmark(JsonNode n) {
        JsonNode o = n.isArray() && n.size() > 0 ? n.get(0) : n;
        return new BookmarkIdentity(text(o, "username"), integer(o, "project_id"), text(o, "data_access_group_name"),
                text(o, "data_access_group_id"), text(o, "callback_url"));
    }

    /** {@code {"form_1":1}} (JSON) or {@code "form_1:1,form_2:3"} (CSV style). */
    static Map<String, Integer> formRights(JsonNode node) {
        Map<String, Integer> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                Integer v = smallInteger(asText(e.getValue()));
                if (v != null) {
                    out.put(e.getKey(), v);
                }
            });
            return out;
        }
        for (String pair : node.asText().split(",")) {
            int colon = pair.indexOf(':');
            if (colon > 0) {
                Integer v = smallInteger(pair.substring(colon + 1).strip());
                if (v != null) {
                    out.put(pair.substring(0, colon).strip(), v);
                }
            }
        }
        return out;
    }

    public static String text(JsonNode n, String field) {
        return asText(n.get(field));
    }

    static String asText(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isValueNode() ? v.asText() : v.toString();
    }

    /** A whole number sent as a JSON number or as text; 0 when blank. */
    public static long integer(JsonNode n, String field) {
        String t = text(n, field).strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + field + "' should be a whole number but is '" + t + "'", e);
        }
    }

    private static boolean flag(JsonNode n, String field) {
        String t = text(n, field).strip();
        return t.equals("1") || t.equalsIgnoreCase("true");
    }

    private static Integer smallInteger(String t) {
        if (t.isEmpty() || t.length() > 9 || !t.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return Integer.valueOf(t);
    }
}

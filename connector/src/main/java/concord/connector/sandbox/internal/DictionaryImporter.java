package concord.connector.sandbox.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Metadata import ({@code content=metadata} with {@code data}): replaces the project's data dictionary, as
 * REDCap's {@code API/metadata/import.php} does in a development project, and answers the number of fields
 * (shaped by {@code format}). Needs API Import ({@link ApiRoute}) and Project Design rights. Stored values follow
 * their fields; values of fields the new dictionary lacks are dropped.
 */
final class DictionaryImporter {
    private DictionaryImporter() {
    }

    static Reply importDictionary(Call call) {
        if (!call.grant().user().projectDesign()) {
            throw ApiException.badRequest("You do not have Project Design and Setup privileges, which a data dictionary import needs (sandbox wording)");
        }
        String data = call.params().get("data", "");
        Dictionary dictionary;
        try {
            dictionary = switch (call.format()) {
                case "csv" -> DictionaryCsvReader.read(data, "the imported data dictionary");
                case "json" -> fromJson(data);
                default -> throw ApiException.badRequest("The REDCap sandbox imports a data dictionary as format=csv or format=json");
            };
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
        ProjectData project = call.project();
        project.lock().writeLock().lock();
        try {
            project.replaceDictionary(dictionary);
            project.log().manage(call.username(), "Upload data dictionary (API)");
        } finally {
            project.lock().writeLock().unlock();
        }
        return Reply.formatted(call.format(), String.valueOf(dictionary.fields().size()));
    }

    private static Dictionary fromJson(String data) {
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(data);
        } catch (Exception e) {
            throw ApiException.badRequest("The data being imported is not formatted correctly. The JSON must be an array of fields, "
                    + "as in [{\"field_name\": ...}] (sandbox wording)");
        }
        if (root == null || !root.isArray() || root.isEmpty()) {
            throw ApiException.badRequest("The imported data dictionary has no fields: send a JSON array of fields with the 18 metadata columns");
        }
        List<FieldDef> fields = new ArrayList<>();
        for (JsonNode item : root) {
            List<String> cells = new ArrayList<>();
            for (String column : FieldDef.COLUMNS) {
                JsonNode v = item.get(column);
                cells.add(v == null || v.isNull() ? "" : v.asText());
            }
            if (cells.get(0).isBlank()) {
                throw ApiException.badRequest("A field of the imported data dictionary has no field_name (sandbox wording)");
            }
            fields.add(FieldDef.of(cells));
        }
        return new Dictionary(fields, List.of());
    }
}

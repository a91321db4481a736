package concord.server.web.internal;

import com.fasterxml.jackson.databind.JsonNode;
import concord.analysis.CodedQuote;
import concord.analysis.StudyResult;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code jointDisplay} of a stored result.json, attached again ({@link StudyResult#withQuotes}). Each row's quotes
 * become quotes of that outcome alone, in the row's theme order: that rebuilds every row as it was stored (a quote that
 * concerned several outcomes is stored under each), and {@link StoredResultReader} checks the bytes anyway.
 */
final class StoredJointDisplay {
    private StoredJointDisplay() {
    }

    static StudyResult attach(JsonNode root, StudyResult result) {
        JsonNode display = root.get("jointDisplay");
        if (display == null || display.isNull()) {
            return result;
        }
        List<CodedQuote> quotes = new ArrayList<>();
        Map<String, String> coreAreas = new LinkedHashMap<>();
        for (JsonNode row : display.required("rows")) {
            String field = row.required("field").asText();
            JsonNode coreArea = row.get("coreArea");
            if (coreArea != null && !coreArea.isNull()) {
                coreAreas.put(field, coreArea.asText());
            }
            for (JsonNode theme : row.required("themes")) {
                for (JsonNode q : theme.required("quotes")) {
                    quotes.add(new CodedQuote(theme.required("theme").asText(), List.of(field), q.required("group").asText(),
                            q.required("speaker").asText(), q.required("text").asText()));
                }
            }
        }
        return result.withQuotes(quotes, coreAreas);
    }
}

package concord.connector.sandbox.internal;

import java.util.Map;

/**
 * The body of a successful record import, as REDCap's {@code API/record/import.php} writes it: shaped by
 * {@code returnFormat} (not by {@code format}, the format of the data sent), and by {@code returnContent}:
 * <ul>
 *   <li>{@code count} (also any unknown value): JSON {@code {"count": 2}}, XML {@code <count>2</count>}, CSV {@code 2}</li>
 *   <li>{@code ids}: JSON array, XML {@code <ids><id>…</id></ids>}, CSV with the header {@code id}</li>
 *   <li>{@code auto_ids} (only with {@code forceAutoNumber}, else it counts): {@code "new,old"} pairs; CSV header
 *       {@code id,original_id}</li>
 *   <li>{@code nothing}: an empty body (XML: the XML declaration alone)</li>
 * </ul>
 */
final class ImportAnswer {
    private ImportAnswer() {
    }

    /** {@code ids} maps each record ID as sent to the ID it was saved under, in import order. */
    static Reply of(String returnFormat, String returnContent, boolean forceAutoNumber, Map<String, String> ids) {
        String content = switch (returnContent) {
            case "ids", "nothing" -> returnContent;
            case "auto_ids" -> forceAutoNumber ? "auto_ids" : "count";
            default -> "count";
        };
        return switch (returnFormat) {
            case "json" -> Reply.json(json(content, ids));
            case "csv" -> Reply.csv(csv(content, ids));
            default -> Reply.xml(Reply.XML_HEAD + xml(content, ids));
        };
    }

    private static String json(String content, Map<String, String> ids) {
        return switch (content) {
            case "ids" -> Json.write(ids.values());
            case "auto_ids" -> Json.write(ids.entrySet().stream().map(e -> e.getValue() + "," + e.getKey()).toList());
            case "nothing" -> "";
            default -> "{\"count\": " + ids.size() + "}";
        };
    }

    private static String csv(String content, Map<String, String> ids) {
        StringBuilder sb = new StringBuilder();
        switch (content) {
            case "ids" -> {
                sb.append("id");
                ids.values().forEach(id -> CsvRows.appendCell(sb.append('\n'), id));
            }
            case "auto_ids" -> {
                sb.append("id,original_id");
                ids.forEach((sent, saved) -> {
                    CsvRows.appendCell(sb.append('\n'), saved);
                    CsvRows.appendCell(sb.append(','), sent);
                });
            }
            case "nothing" -> {
            }
            default -> sb.append(ids.size());
        }
        return sb.toString();
    }

    private static String xml(String content, Map<String, String> ids) {
        StringBuilder sb = new StringBuilder();
        switch (content) {
            case "ids" -> {
                sb.append("<ids>");
                ids.values().forEach(id -> sb.append("<id>").append(Xml.text(id)).append("</id>"));
                sb.append("</ids>");
            }
            case "auto_ids" -> {
                sb.append("<ids>");
                ids.forEach((sent, saved) -> sb.append("<id>").append(Xml.text(saved + "," + sent)).append("</id>"));
                sb.append("</ids>");
            }
            case "nothing" -> {
            }
            default -> sb.append("<count>").append(ids.size()).append("</count>");
        }
        return sb.toString();
    }
}

package concord.connector;

/**
 * How a field appears in record exports. Checkboxes give one row per option ({@code race___1},
 * choice value {@code 1}); other fields one row with an empty choice value. {@code <form>_complete}
 * fields are included; calc, file and descriptive fields are not.
 */
public record ExportFieldName(String originalFieldName, String choiceValue, String exportFieldName) {
}

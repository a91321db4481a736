package concord.connector.sandbox.internal;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A tabular answer (metadata, records, events…) written as a JSON array of objects, CSV with a header, or
 * REDCap's XML {@code <records><item>…}. Cells are strings, or numbers where REDCap sends JSON numbers.
 */
public final class Table {
    private final List<String> columns;
    private final List<Object[]> rows = new ArrayList<>();

    public Table(List<String> columns) {
        this.columns = List.copyOf(columns);
    }

    public Table add(Object... cells) {
        if (cells.length != columns.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells for " + columns.size() + " columns");
        }
        rows.add(cells);
        return this;
    }

    public int size() {
        return rows.size();
    }

    public Reply reply(String format) {
        return Reply.formatted(format, render(format));
    }

    public String render(String format) {
        return switch (format) {
            case "json" -> json();
            case "csv" -> csv(columns);
            default -> xml();
        };
    }

    /** CSV with the given header texts (REDCap's label headers replace the names). */
    public String csv(List<String> header) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(64 + rows.size() * columns.size() * 4);
        CsvRows.appendLine(sb, header);
        List<String> line = new ArrayList<>(columns.size());
        for (Object[] r : rows) {
            line.clear();
            for (Object c : r) {
                line.add(c == null ? "" : c.toString());
            }
            CsvRows.appendLine(sb, line);
        }
        return sb.toString();
    }

    private String json() {
        StringWriter w = new StringWriter(64 + rows.size() * columns.size() * 8);
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(w)) {
            g.writeStartArray();
            for (Object[] r : rows) {
                g.writeStartObject();
                for (int i = 0; i < r.length; i++) {
                    Object c = r[i];
                    if (c instanceof Integer n) {
                        g.writeNumberField(columns.get(i), n);
                    } else {
                        g.writeStringField(columns.get(i), c == null ? "" : c.toString());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    private String xml() {
        StringBuilder sb = new StringBuilder(Reply.XML_HEAD).append("<records>\n");
        for (Object[] r : rows) {
            sb.append("<item>");
            for (int i = 0; i < r.length; i++) {
                String v = r[i] == null ? "" : r[i].toString();
                sb.append('<').append(columns.get(i)).append("><![CDATA[").append(v.replace("]]>", "]]]]><![CDATA[>"))
                        .append("]]></").append(columns.get(i)).append('>');
            }
            sb.append("</item>\n");
        }
        return sb.append("</records>").toString();
    }
}

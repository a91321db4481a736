package concord.connector.sandbox.internal;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
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
        return format.equals("json") ? Reply.streamed(200, Reply.JSON_TYPE, this::writeJson) : Reply.formatted(format, render(format));
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
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + rows.size() * columns.size() * 12);
        try {
            writeJson(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /**
     * UTF-8 straight from the generator to the response, with the column names encoded once per answer rather
     * than once per cell: a 500-record batch of a wide project has 30,000 of them.
     */
    private void writeJson(OutputStream out) throws IOException {
        SerializableString[] names = new SerializableString[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = new SerializedString(columns.get(i));
        }
        try (JsonGenerator g = Json.MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)
                .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
            g.writeStartArray();
            for (Object[] r : rows) {
                g.writeStartObject();
                for (int i = 0; i < r.length; i++) {
                    Object c = r[i];
                    g.writeFieldName(names[i]);
                    if (c instanceof Integer n) {
                        g.writeNumber(n);
                    } else {
                        g.writeString(c == null ? "" : c.toString());
                    }
                }
                g.writeEndObject();
            }
            g.writeEndArray();
        }
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

package concord.connector.sandbox.internal;

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
    private final List<Object[]> rows;

    public Table(List<String> columns) {
        this(columns, 10);
    }

    /** A table expected to hold about {@code expectedRows} rows. */
    public Table(List<String> columns, int expectedRows) {
        this.columns = List.copyOf(columns);
        this.rows = new ArrayList<>(Math.max(10, expectedRows));
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
        return csv(header, ',');
    }

    /** CSV with the given header texts and cell delimiter. */
    public String csv(List<String> header, char delimiter) {
        if (rows.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(64 + rows.size() * columns.size() * 4);
        CsvRows.appendLine(sb, header, delimiter);
        List<String> line = new ArrayList<>(columns.size());
        for (Object[] r : rows) {
            line.clear();
            for (Object c : r) {
                line.add(c == null ? "" : c.toString());
            }
            CsvRows.appendLine(sb, line, delimiter);
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

    /** UTF-8 straight to the response (see {@link JsonRowWriter}). */
    private void writeJson(OutputStream out) throws IOException {
        JsonRowWriter json = new JsonRowWriter(out, columns);
        json.start();
        for (Object[] r : rows) {
            json.row(r);
        }
        json.end();
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

package concord.connector.internal;

import concord.connector.ExportColumns;
import concord.connector.RecordRowSink;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/**
 * Reads REDCap's flat JSON record export ({@code [{"record_id":"1","q1":"7",...},...]}) from bytes into
 * {@link concord.connector.ExportRow}s without strings per cell, in two steps: {@link #parse} checks the whole
 * answer and indexes every cell, then {@link #deliver} hands the rows on (unescaping in place). Values read as
 * {@link JsonRecordStream} reads them: strings unescaped, numbers as written, {@code true}/{@code false} as
 * 1/0, {@code null} empty.
 *
 * <p>It reads only plain exports: anything else (an escape in a field name, a lone surrogate, malformed
 * UTF-8, a nested value, a repeated field, a row without the record-ID field, invalid JSON) makes
 * {@link #parse} return false, and the caller reads that answer with {@link JsonRecordStream}, which accepts
 * or rejects it exactly as before. Not thread-safe.
 */
public final class JsonRows {

    private static final byte STRING = 0;
    private static final byte ESCAPED = 1;
    private static final byte NUMBER = 2;
    private static final byte TRUE = 3;
    private static final byte FALSE = 4;
    private static final byte NULL = 5;

    private final String recordIdField;
    private byte[] b;
    private int length;
    // per cell
    private int[] keyStart = new int[1024];
    private int[] keyEnd = new int[1024];
    private int[] valStart = new int[1024];
    private int[] valEnd = new int[1024];
    private byte[] kind = new byte[1024];
    private int cells;
    // per row: first cell, column list
    private int[] rowFirst = new int[64];
    private int[] rowColumns = new int[64];
    private int rows;
    private final List<ExportColumns> columnLists = new ArrayList<>();
    private final List<byte[][]> columnBytes = new ArrayList<>();
    private final RowCells view = new RowCells();

    public JsonRows(String recordIdField) {
        this.recordIdField = recordIdField;
    }

    /** Rows in the last parsed answer. */
    public int rows() {
        return rows;
    }

    /** The record-ID cell of row {@code r} as bytes {@code [start, end)} of {@link #bytes()}. */
    public int idStart(int r) {
        return valStart[rowFirst[r] + columnLists.get(rowColumns[r]).recordId()];
    }

    public int idEnd(int r) {
        return valEnd[rowFirst[r] + columnLists.get(rowColumns[r]).recordId()];
    }

    public byte[] bytes() {
        return b;
    }

    /**
     * Indexes one answer ({@code body[0..length)}, kept and later changed in place by {@link #deliver}).
     *
     * @return false when the answer is not a plain flat export (read it with {@link JsonRecordStream} instead)
     */
    public boolean parse(byte[] body, int length) {
        this.b = body;
        this.length = length;
        cells = 0;
        rows = 0;
        try {
            int p = ws(0);
            if (p == length) {
                return true;
            }
            p = expect(p, '[');
            p = ws(p);
            if (p < length && b[p] == ']') {
                return true;
            }
            while (true) {
                p = object(p);
                p = ws(p);
                if (p < length && b[p] == ',') {
                    p = ws(p + 1);
                } else {
                    expect(p, ']');
                    return true;
                }
            }
        } catch (NotPlain e) {
            return false;
        }
    }

    /** Hands every parsed row on, a column list first and whenever the columns change. */
    public void deliver(RecordRowSink sink) {
        int shown = -1;
        for (int r = 0; r < rows; r++) {
            if (rowColumns[r] != shown) {
                shown = rowColumns[r];
                sink.columns(columnLists.get(shown));
            }
            int first = rowFirst[r];
            int n = (r + 1 < rows ? rowFirst[r + 1] : cells) - first;
            view.reset(b, r + 1);
            for (int i = 0; i < n; i++) {
                int c = first + i;
                switch (kind[c]) {
                    case ESCAPED -> valEnd[c] = unescape(valStart[c], valEnd[c]);
                    case TRUE -> {
                        b[valStart[c]] = '1';
                        valEnd[c] = valStart[c] + 1;
                    }
                    case FALSE -> {
                        b[valStart[c]] = '0';
                        valEnd[c] = valStart[c] + 1;
                    }
                    case NULL -> valEnd[c] = valStart[c];
                    default -> { }
                }
                kind[c] = STRING;
                view.set(i, valStart[c], valEnd[c]);
            }
            view.size(n);
            sink.row(view);
        }
    }

    private int object(int p) {
        p = expect(p, '{');
        int first = cells;
        p = ws(p);
        if (p < length && b[p] == '}') {
            return endRow(first, p + 1);
        }
        while (true) {
            p = expect(p, '"');
            int ks = p;
            while (p < length && b[p] != '"') {
                if (b[p] == '\\' || (b[p] >= 0 && b[p] < 0x20)) {
                    throw NotPlain.INSTANCE;
                }
                p = b[p] < 0 ? utf8(p) : p + 1;
            }
            int ke = p;
            p = ws(expect(ws(expect(p, '"')), ':'));
            if (p >= length) {
                throw NotPlain.INSTANCE;
            }
            int vs;
            int ve;
            byte k;
            byte c = b[p];
            if (c == '"') {
                vs = ++p;
                k = STRING;
                while (true) {
                    if (p >= length) {
                        throw NotPlain.INSTANCE;
                    }
                    byte x = b[p];
                    if (x == '"') {
                        break;
                    }
                    if (x == '\\') {
                        k = ESCAPED;
                        p = escape(p);
                    } else if (x >= 0 && x < 0x20) {
                        throw NotPlain.INSTANCE;
                    } else {
                        p = x < 0 ? utf8(p) : p + 1;
                    }
                }
                ve = p++;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                vs = p;
                p = number(p);
                ve = p;
                k = NUMBER;
            } else {
                vs = p;
                k = c == 't' ? TRUE : c == 'f' ? FALSE : c == 'n' ? NULL : -1;
                String word = k == TRUE ? "true" : k == FALSE ? "false" : k == NULL ? "null" : null;
                if (word == null || p + word.length() > length) {
                    throw NotPlain.INSTANCE;
                }
                for (int i = 0; i < word.length(); i++) {
                    if (b[p + i] != word.charAt(i)) {
                        throw NotPlain.INSTANCE;
                    }
                }
                p += word.length();
                ve = p;
            }
            addCell(ks, ke, vs, ve, k);
            p = ws(p);
            if (p < length && b[p] == ',') {
                p = ws(p + 1);
                continue;
            }
            return endRow(first, expect(p, '}'));
        }
    }

    /** Files the row under its column list: the previous row's when the names are the same bytes. */
    private int endRow(int first, int end) {
        int n = cells - first;
        int list = rows == 0 ? -1 : rowColumns[rows - 1];
        if (list < 0 || !sameNames(first, n, columnBytes.get(list))) {
            list = columnList(first, n);
        }
        if (rows == rowFirst.length) {
            rowFirst = Arrays.copyOf(rowFirst, rows * 2);
            rowColumns = Arrays.copyOf(rowColumns, rows * 2);
        }
        byte idKind = kind[first + columnLists.get(list).recordId()];
        if (idKind != STRING && idKind != NUMBER) {
            throw NotPlain.INSTANCE; // the ID is checked as bytes before unescaping
        }
        rowFirst[rows] = first;
        rowColumns[rows] = list;
        rows++;
        return end;
    }

    private boolean sameNames(int first, int n, byte[][] names) {
        if (names.length != n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            int c = first + i;
            if (!Arrays.equals(b, keyStart[c], keyEnd[c], names[i], 0, names[i].length)) {
                return false;
            }
        }
        return true;
    }

    private int columnList(int first, int n) {
        for (int i = 0; i < columnBytes.size(); i++) {
            if (sameNames(first, n, columnBytes.get(i))) {
                return i;
            }
        }
        List<String> names = new ArrayList<>(n);
        byte[][] bytes = new byte[n][];
        for (int i = 0; i < n; i++) {
            int c = first + i;
            bytes[i] = Arrays.copyOfRange(b, keyStart[c], keyEnd[c]);
            names.add(new String(bytes[i], StandardCharsets.UTF_8));
        }
        int id = names.indexOf(recordIdField);
        if (id < 0 || new HashSet<>(names).size() != n) {
            throw NotPlain.INSTANCE; // JsonRecordStream names the problem
        }
        columnLists.add(ExportColumns.of(names, id));
        columnBytes.add(bytes);
        return columnLists.size() - 1;
    }

    private void addCell(int ks, int ke, int vs, int ve, byte k) {
        if (cells == kind.length) {
            int size = cells * 2;
            keyStart = Arrays.copyOf(keyStart, size);
            keyEnd = Arrays.copyOf(keyEnd, size);
            valStart = Arrays.copyOf(valStart, size);
            valEnd = Arrays.copyOf(valEnd, size);
            kind = Arrays.copyOf(kind, size);
        }
        keyStart[cells] = ks;
        keyEnd[cells] = ke;
        valStart[cells] = vs;
        valEnd[cells] = ve;
        kind[cells] = k;
        cells++;
    }

    private int ws(int p) {
        while (p < length) {
            byte c = b[p];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
                break;
            }
            p++;
        }
        return p;
    }

    private int expect(int p, char c) {
        if (p >= length || b[p] != c) {
            throw NotPlain.INSTANCE;
        }
        return p + 1;
    }

    /** A JSON number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
    private int number(int p) {
        if (b[p] == '-') {
            p++;
        }
        if (p < length && b[p] == '0') {
            p++;
        } else {
            p = digits(p);
        }
        if (p < length && b[p] == '.') {
            p = digits(p + 1);
        }
        if (p < length && (b[p] == 'e' || b[p] == 'E')) {
            p++;
            if (p < length && (b[p] == '+' || b[p] == '-')) {
                p++;
            }
            p = digits(p);
        }
        return p;
    }

    private int digits(int p) {
        int start = p;
        while (p < length && b[p] >= '0' && b[p] <= '9') {
            p++;
        }
        if (p == start) {
            throw NotPlain.INSTANCE;
        }
        return p;
    }

    /** Checks one escape at {@code p} (a backslash); returns the position after it. Lone surrogates are not plain. */
    private int escape(int p) {
        if (p + 1 >= length) {
            throw NotPlain.INSTANCE;
        }
        byte e = b[p + 1];
        if (e != 'u') {
            if ("\"\\/bfnrt".indexOf(e) < 0) {
                throw NotPlain.INSTANCE;
            }
            return p + 2;
        }
        int cp = hex4(p + 2);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            if (p + 11 >= length || b[p + 6] != '\\' || b[p + 7] != 'u') {
                throw NotPlain.INSTANCE;
            }
            int low = hex4(p + 8);
            if (low < 0xDC00 || low > 0xDFFF) {
                throw NotPlain.INSTANCE;
            }
            return p + 12;
        }
        if (cp >= 0xDC00 && cp <= 0xDFFF) {
            throw NotPlain.INSTANCE;
        }
        return p + 6;
    }

    private int hex4(int p) {
        if (p + 4 > length) {
            throw NotPlain.INSTANCE;
        }
        int v = 0;
        for (int i = p; i < p + 4; i++) {
            int d = Character.digit(b[i], 16);
            if (d < 0) {
                throw NotPlain.INSTANCE;
            }
            v = v * 16 + d;
        }
        return v;
    }

    /** Checks one well-formed UTF-8 sequence at {@code p} (shortest form, no surrogates); returns the position after. */
    private int utf8(int p) {
        int c = b[p] & 0xff;
        int n;
        int min2 = 0x80;
        int max2 = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 2;
            min2 = c == 0xE0 ? 0xA0 : 0x80;
            max2 = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 3;
            min2 = c == 0xF0 ? 0x90 : 0x80;
            max2 = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw NotPlain.INSTANCE;
        }
        if (p + n >= length) {
            throw NotPlain.INSTANCE;
        }
        int second = b[p + 1] & 0xff;
        if (second < min2 || second > max2) {
            throw NotPlain.INSTANCE;
        }
        for (int i = 2; i <= n; i++) {
            int x = b[p + i] & 0xff;
            if (x < 0x80 || x > 0xBF) {
                throw NotPlain.INSTANCE;
            }
        }
        return p + n + 1;
    }

    /** Decodes the escapes of {@code b[from..to)} in place; returns the new end. */
    private int unescape(int from, int to) {
        int w = from;
        int r = from;
        while (r < to) {
            byte c = b[r];
            if (c != '\\') {
                b[w++] = c;
                r++;
                continue;
            }
            byte e = b[r + 1];
            if (e != 'u') {
                b[w++] = switch (e) {
                    case 'b' -> '\b';
                    case 'f' -> '\f';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    case 't' -> '\t';
                    default -> e; // " \ /
                };
                r += 2;
                continue;
            }
            int cp = hex4(r + 2);
            r += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                cp = Character.toCodePoint((char) cp, (char) hex4(r + 2));
                r += 6;
            }
            if (cp < 0x80) {
                b[w++] = (byte) cp;
            } else if (cp < 0x800) {
                b[w++] = (byte) (0xC0 | cp >> 6);
                b[w++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                b[w++] = (byte) (0xE0 | cp >> 12);
                b[w++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[w++] = (byte) (0x80 | cp & 0x3F);
            } else {
                b[w++] = (byte) (0xF0 | cp >> 18);
                b[w++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[w++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[w++] = (byte) (0x80 | cp & 0x3F);
            }
        }
        return w;
    }

    /** The answer is not a plain flat export; thrown without a stack trace, caught in {@link #parse}. */
    private static final class NotPlain extends RuntimeException {
        static final NotPlain INSTANCE = new NotPlain();

        private NotPlain() {
            super(null, null, false, false);
        }
    }
}

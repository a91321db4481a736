package concord.connector;

import java.nio.charset.StandardCharsets;

/**
 * One exported row as bytes, for readers that must not build a string per cell: cell {@code i} is
 * {@code bytes()[start(i)..end(i))}, raw UTF-8 as the export holds it after CSV unquoting or JSON
 * unescaping. A view: valid only while {@link RecordRowSink#row} runs, and it must not be modified.
 */
public interface ExportRow {

    /** Number of cells; the same as the current {@link ExportColumns#size()}. */
    int size();

    /** The buffer holding the cells. */
    byte[] bytes();

    int start(int cell);

    int end(int cell);

    /** The 1-based line where the row starts (CSV) or the row's position in the export (JSON). */
    long line();

    /**
     * The cell as the string readers return it ({@link RecordCsvReader}, {@link RedcapRecord#values()}):
     * UTF-8, malformed bytes as U+FFFD; the empty string for {@code cell < 0}.
     */
    default String text(int cell) {
        if (cell < 0) {
            return "";
        }
        return new String(bytes(), start(cell), end(cell) - start(cell), StandardCharsets.UTF_8);
    }

    /** True when every cell is ASCII (see {@link #ascii(int)}); readers may answer from the row's whole span. */
    default boolean ascii() {
        for (int i = 0; i < size(); i++) {
            if (!ascii(i)) {
                return false;
            }
        }
        return true;
    }

    /** True when every byte of the cell is ASCII (then its bytes are exactly the UTF-8 of {@link #text}). */
    default boolean ascii(int cell) {
        byte[] b = bytes();
        for (int i = start(cell), end = end(cell); i < end; i++) {
            if (b[i] < 0) {
                return false;
            }
        }
        return true;
    }
}

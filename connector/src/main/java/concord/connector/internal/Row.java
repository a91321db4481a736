package concord.connector.internal;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * An immutable, ordered column → value map for one exported row. All rows of one export share one
 * {@link Columns} (names and their positions), so a row costs one array of values instead of a
 * hash map: the difference between keeping up with REDCap and being the bottleneck.
 */
public final class Row extends AbstractMap<String, String> {

    /** Column names in export order, with a position index shared by many rows. */
    public static final class Columns {
        private final String[] names;
        private final Map<String, Integer> index;

        public Columns(List<String> names) {
            this.names = names.toArray(new String[0]);
            this.index = new HashMap<>(this.names.length * 2);
            for (int i = 0; i < this.names.length; i++) {
                if (index.putIfAbsent(this.names[i], i) != null) {
                    throw new IllegalArgumentException("column '" + this.names[i] + "' appears twice");
                }
            }
        }

        public int size() {
            return names.length;
        }

        public String name(int i) {
            return names[i];
        }

        /** The position of a column, or -1. */
        public int indexOf(String name) {
            Integer i = index.get(name);
            return i == null ? -1 : i;
        }
    }

    private final Columns columns;
    private final String[] values;

    /** {@code values} is taken over, not copied: the caller must not keep or change it. */
    public Row(Columns columns, String[] values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(values.length + " values for " + columns.size() + " columns");
        }
        this.columns = columns;
        this.values = values;
    }

    Columns columns() {
        return columns;
    }

    /** The value at a column position ({@link Columns#indexOf}), or {@code fallback} for position -1. */
    public String at(int position, String fallback) {
        return position < 0 ? fallback : values[position];
    }

    @Override
    public String get(Object key) {
        Integer i = columns.index.get(key);
        return i == null ? null : values[i];
    }

    @Override
    public boolean containsKey(Object key) {
        return columns.index.containsKey(key);
    }

    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Set<Entry<String, String>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Entry<String, String>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < values.length;
                    }

                    @Override
                    public Entry<String, String> next() {
                        if (next >= values.length) {
                            throw new NoSuchElementException();
                        }
                        int i = next++;
                        return new SimpleImmutableEntry<>(columns.names[i], values[i]);
                    }
                };
            }

            @Override
            public int size() {
                return values.length;
            }
        };
    }
}

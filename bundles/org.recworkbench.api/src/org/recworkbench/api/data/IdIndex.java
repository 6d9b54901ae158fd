package org.recworkbench.api.data;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maps external string ids to dense indices {@code 0..size-1} and back. Immutable and thread safe; build
 * one with {@link Builder}.
 *
 * @since 1.0
 */
public final class IdIndex {

    private final String[] ids;
    private final Map<String, Integer> indices;

    private IdIndex(String[] ids, Map<String, Integer> indices) {
        this.ids = ids;
        this.indices = indices;
    }

    /** An index whose ids are the given strings, in order; duplicates are rejected. */
    public static IdIndex of(List<String> ids) {
        Builder b = new Builder(ids.size());
        for (String id : ids) {
            if (b.indexOf(id) >= 0) {
                throw new IllegalArgumentException("duplicate id: " + id);
            }
            b.intern(id);
        }
        return b.build();
    }

    /** An index whose ids are "0".."n-1" (or prefix + number), for generated data. */
    public static IdIndex sequential(String prefix, int n) {
        Builder b = new Builder(n);
        for (int i = 0; i < n; i++) {
            b.intern(prefix + i);
        }
        return b.build();
    }

    public int size() {
        return ids.length;
    }

    /** The external id of an index. */
    public String id(int index) {
        return ids[index];
    }

    /** The index of an external id, or -1 when absent. */
    public int indexOf(String id) {
        Integer i = indices.get(id);
        return i == null ? -1 : i;
    }

    public List<String> ids() {
        return List.of(ids);
    }

    /** Assigns indices in first-seen order. Not thread safe. */
    public static final class Builder {
        private String[] ids;
        private int size;
        private final HashMap<String, Integer> indices;

        public Builder() {
            this(16);
        }

        public Builder(int expected) {
            ids = new String[Math.max(16, expected)];
            indices = new HashMap<>(Math.max(16, expected * 4 / 3 + 1));
        }

        /** Returns the index of the id, assigning the next free one if it is new. */
        public int intern(String id) {
            Integer existing = indices.putIfAbsent(id, size);
            if (existing != null) {
                return existing;
            }
            if (size == ids.length) {
                ids = Arrays.copyOf(ids, ids.length * 2);
            }
            ids[size] = id;
            return size++;
        }

        public int indexOf(String id) {
            Integer i = indices.get(id);
            return i == null ? -1 : i;
        }

        public int size() {
            return size;
        }

        public IdIndex build() {
            return new IdIndex(Arrays.copyOf(ids, size), new HashMap<>(indices));
        }
    }
}

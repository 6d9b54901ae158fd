package org.recworkbench.api.compute;

/**
 * A row-major {@code rows×columns} matrix prepared by a backend for repeated products
 * ({@link ComputeBackend#prepare}): its heap values, and whatever the backend keeps of it elsewhere (an off-heap
 * or device copy, freed when this object is collected).
 *
 * @param values the heap values (not copied)
 * @param handle backend-specific state, null for the heap-only default
 * @since 1.1
 */
public record PreparedMatrix(float[] values, int rows, int columns, Object handle) {

    public PreparedMatrix {
        if ((long) rows * columns > values.length) {
            throw new IllegalArgumentException(rows + "x" + columns + " matrix in an array of " + values.length);
        }
    }
}

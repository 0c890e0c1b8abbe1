package dev.storycore.enhance.ops.style;

import java.util.Arrays;

/**
 * Anchor points of strokes, dots or facets, each with a stable id. Random attributes of a point come from
 * {@link Hash} of its id, so a point that moves with the content keeps its look.
 */
final class PointSet {
    float[] x;
    float[] y;
    long[] id;
    int size;

    PointSet(int capacity) {
        x = new float[Math.max(16, capacity)];
        y = new float[x.length];
        id = new long[x.length];
    }

    void add(float px, float py, long pid) {
        if (size == x.length) {
            int n = size * 2;
            x = Arrays.copyOf(x, n);
            y = Arrays.copyOf(y, n);
            id = Arrays.copyOf(id, n);
        }
        x[size] = px;
        y[size] = py;
        id[size] = pid;
        size++;
    }

    PointSet copy() {
        PointSet c = new PointSet(size);
        System.arraycopy(x, 0, c.x, 0, size);
        System.arraycopy(y, 0, c.y, 0, size);
        System.arraycopy(id, 0, c.id, 0, size);
        c.size = size;
        return c;
    }

    /** Indices sorted by a per-id hash: a drawing order that does not change when points move. */
    int[] hashedOrder(long seed) {
        long[] keys = new long[size];
        for (int i = 0; i < size; i++) {
            keys[i] = (Hash.of(seed, id[i]) & ~0xFFFFFFFFL) | i;
        }
        Arrays.sort(keys);
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = (int) keys[i];
        }
        return order;
    }
}

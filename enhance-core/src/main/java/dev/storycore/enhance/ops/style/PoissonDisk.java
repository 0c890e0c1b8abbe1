package dev.storycore.enhance.ops.style;

import java.util.SplittableRandom;

/**
 * Blue-noise point sets by Poisson-disk sampling (Bridson, "Fast Poisson disk sampling in arbitrary
 * dimensions", SIGGRAPH 2007 sketches): no two points closer than the spacing, no gap wider than twice it.
 * {@link #fill} keeps the points it is given (moved along the flow from the previous frame) and only adds
 * points where gaps opened, which is what keeps strokes attached to content in video.
 */
final class PoissonDisk {
    private static final int ATTEMPTS = 12;

    private PoissonDisk() {
    }

    /** A fresh point set over a width × height picture. */
    static PointSet sample(int width, int height, float spacing, long seed, long firstId) {
        return fill(new PointSet(0), width, height, spacing, seed, firstId);
    }

    /**
     * Drops points that came closer than 0.75·spacing to an older one, then adds points in every gap.
     * New points get ids from {@code firstId} upwards.
     */
    static PointSet fill(PointSet existing, int width, int height, float spacing, long seed, long firstId) {
        float cell = spacing / (float) Math.sqrt(2);
        int gw = Math.max(1, (int) Math.ceil(width / cell));
        int gh = Math.max(1, (int) Math.ceil(height / cell));
        int[] grid = new int[gw * gh];
        java.util.Arrays.fill(grid, -1);
        PointSet out = new PointSet(Math.max(existing.size, (int) (width * (long) height / (spacing * spacing))));
        float r2 = spacing * spacing;
        float keep2 = r2 * 0.5625f;

        int[] order = sortedById(existing);
        for (int k : order) {
            float px = existing.x[k];
            float py = existing.y[k];
            if (px < 0 || py < 0 || px >= width || py >= height || near(out, grid, gw, gh, cell, px, py, keep2)) {
                continue;
            }
            insert(out, grid, gw, cell, px, py, existing.id[k]);
        }

        SplittableRandom rng = new SplittableRandom(Hash.of(seed, 0x5eed, firstId));
        int old = out.size;
        // New points must keep a wider berth from surviving ones: only real gaps are filled, so a frame
        // whose anchors all survived gets no new anchors (no new strokes popping up on still content).
        float gap2 = old > 0 ? r2 * 1.96f : r2;
        IntQueue active = new IntQueue(out.size + 64);
        for (int i = 0; i < out.size; i++) {
            active.add(i);
        }
        long nextId = firstId;
        if (out.size == 0) {
            insert(out, grid, gw, cell, (float) rng.nextDouble(width), (float) rng.nextDouble(height), nextId++);
            active.add(0);
        }
        while (!active.isEmpty()) {
            int slot = rng.nextInt(active.size());
            int i = active.get(slot);
            boolean placed = false;
            for (int a = 0; a < ATTEMPTS; a++) {
                double ang = rng.nextDouble(Math.PI * 2);
                double rad = spacing * (1 + rng.nextDouble());
                float px = (float) (out.x[i] + rad * Math.cos(ang));
                float py = (float) (out.y[i] + rad * Math.sin(ang));
                if (px < 0 || py < 0 || px >= width || py >= height
                        || near(out, grid, gw, gh, cell, px, py, r2, old, gap2)) {
                    continue;
                }
                active.add(out.size);
                insert(out, grid, gw, cell, px, py, nextId++);
                placed = true;
                break;
            }
            if (!placed) {
                active.removeAt(slot);
            }
        }
        return out;
    }

    private static int[] sortedById(PointSet s) {
        long[] keys = new long[s.size];
        Integer[] idx = new Integer[s.size];
        for (int i = 0; i < s.size; i++) {
            idx[i] = i;
            keys[i] = s.id[i];
        }
        java.util.Arrays.sort(idx, (a, b) -> Long.compare(keys[a], keys[b]));
        int[] out = new int[s.size];
        for (int i = 0; i < s.size; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static void insert(PointSet out, int[] grid, int gw, float cell, float px, float py, long pid) {
        grid[(int) (py / cell) * gw + (int) (px / cell)] = out.size;
        out.add(px, py, pid);
    }

    private static boolean near(PointSet out, int[] grid, int gw, int gh, float cell, float px, float py, float r2) {
        return near(out, grid, gw, gh, cell, px, py, r2, 0, r2);
    }

    /** Whether a point lies within r of a point, or within the gap radius of one of the first {@code old}. */
    private static boolean near(PointSet out, int[] grid, int gw, int gh, float cell, float px, float py, float r2,
                                int old, float gap2) {
        int cx = (int) (px / cell);
        int cy = (int) (py / cell);
        int reach = gap2 > r2 ? 3 : 2;
        for (int dy = -reach; dy <= reach; dy++) {
            int y = cy + dy;
            if (y < 0 || y >= gh) {
                continue;
            }
            // Without a gap radius, the corners of the 5x5 block lie farther than one spacing.
            int span = reach == 2 && (dy == -2 || dy == 2) ? 1 : reach;
            for (int x = Math.max(0, cx - span); x <= Math.min(gw - 1, cx + span); x++) {
                int j = grid[y * gw + x];
                if (j >= 0) {
                    float ddx = out.x[j] - px;
                    float ddy = out.y[j] - py;
                    if (ddx * ddx + ddy * ddy < (j < old ? gap2 : r2)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** A growable int list with O(1) unordered removal. */
    private static final class IntQueue {
        private int[] a;
        private int n;

        IntQueue(int cap) {
            a = new int[Math.max(16, cap)];
        }

        void add(int v) {
            if (n == a.length) {
                a = java.util.Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        int get(int i) {
            return a[i];
        }

        void removeAt(int i) {
            a[i] = a[--n];
        }

        int size() {
            return n;
        }

        boolean isEmpty() {
            return n == 0;
        }
    }
}

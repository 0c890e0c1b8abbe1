package dev.storycore.enhance.ops.style;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Anchors that live across frames: each frame they are moved along the forward optical flow, dropped where
 * the content they sat on became hidden or left the picture, and the gaps are refilled with new blue-noise
 * points ({@link PoissonDisk#fill}). Strokes, dots and facets therefore stay attached to moving content
 * and keep their random look (which hangs on their id), instead of being re-seeded every frame.
 */
final class TrackedAnchors implements AnchorSource {
    private final long seed;
    private final Map<Integer, PointSet> layers = new HashMap<>();
    private final Map<Integer, Long> nextId = new HashMap<>();
    private final Set<Integer> readyThisFrame = new HashSet<>();
    private long frame;

    TrackedAnchors(long seed) {
        this.seed = seed;
    }

    @Override
    public PointSet layer(int layer, float spacing, int width, int height) {
        PointSet current = layers.get(layer);
        if (current != null && readyThisFrame.contains(layer)) {
            return current;
        }
        long first = nextId.getOrDefault(layer, 0L);
        PointSet filled = PoissonDisk.fill(current == null ? new PointSet(0) : current, width, height, spacing,
                Hash.of(seed, layer, frame), first);
        long max = first - 1;
        for (int i = 0; i < filled.size; i++) {
            max = Math.max(max, filled.id[i]);
        }
        nextId.put(layer, max + 1);
        layers.put(layer, filled);
        readyThisFrame.add(layer);
        return filled;
    }

    /**
     * Moves every anchor by the flow from the previous frame to this one.
     *
     * @param flow       interleaved (dx, dy) per pixel of the previous frame
     * @param visiblePrev per pixel of the previous frame: non-zero where that content is still visible now
     */
    void advect(float[] flow, byte[] visiblePrev, int width, int height) {
        for (Map.Entry<Integer, PointSet> e : layers.entrySet()) {
            PointSet s = e.getValue();
            PointSet moved = new PointSet(s.size);
            for (int k = 0; k < s.size; k++) {
                int x = Math.min(width - 1, Math.max(0, (int) s.x[k]));
                int y = Math.min(height - 1, Math.max(0, (int) s.y[k]));
                int i = y * width + x;
                if (visiblePrev[i] == 0) {
                    continue;
                }
                float nx = s.x[k] + flow[2 * i];
                float ny = s.y[k] + flow[2 * i + 1];
                if (nx >= 0 && ny >= 0 && nx < width && ny < height) {
                    moved.add(nx, ny, s.id[k]);
                }
            }
            e.setValue(moved);
        }
        nextFrame();
    }

    /** A new frame without motion information: anchors stay where they are. */
    void nextFrame() {
        readyThisFrame.clear();
        frame++;
    }
}

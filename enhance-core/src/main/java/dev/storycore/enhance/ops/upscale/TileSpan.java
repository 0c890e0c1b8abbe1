package dev.storycore.enhance.ops.upscale;

import java.util.ArrayList;
import java.util.List;

/**
 * One tile along one axis: the core [coreStart, coreEnd) whose output is kept, and the window
 * [windowStart, windowEnd) the network sees. The window may reach past the picture
 * (windowStart &lt; 0 or windowEnd &gt; length); that part is filled by reflection.
 */
record TileSpan(int coreStart, int coreEnd, int windowStart, int windowEnd) {

    int windowLength() {
        return windowEnd - windowStart;
    }

    int coreLength() {
        return coreEnd - coreStart;
    }

    /** Where the core starts inside the window. */
    int coreOffset() {
        return coreStart - windowStart;
    }

    /**
     * Cuts {@code length} pixels into the fewest cores of at most {@code tile} pixels, as even as
     * possible, each seen with {@code overlap} pixels of context on both sides. Every window has the
     * same length (core + 2·overlap) when the picture is longer than a tile, so the network always runs
     * on one shape; the last window is moved back inside the picture rather than padded further.
     */
    static List<TileSpan> cover(int length, int tile, int overlap) {
        return cover(length, tile, overlap, EdgeMode.REFLECT);
    }

    /**
     * As {@link #cover(int, int, int)}; with {@link EdgeMode#NETWORK} no window reaches past the picture:
     * windows are moved inside it (keeping their length where the picture is long enough).
     */
    static List<TileSpan> cover(int length, int tile, int overlap, EdgeMode edges) {
        List<TileSpan> spans = reflected(length, tile, overlap);
        if (edges == EdgeMode.REFLECT) {
            return spans;
        }
        List<TileSpan> inside = new ArrayList<>(spans.size());
        for (TileSpan s : spans) {
            int window = Math.min(s.windowLength(), length);
            int start = Math.max(0, Math.min(s.windowStart(), length - window));
            inside.add(new TileSpan(s.coreStart(), s.coreEnd(), start, start + window));
        }
        return inside;
    }

    private static List<TileSpan> reflected(int length, int tile, int overlap) {
        if (length <= 0 || tile <= 0 || overlap < 0) {
            throw new IllegalArgumentException("length, tile > 0 and overlap >= 0 needed: " + length + ", " + tile + ", " + overlap);
        }
        List<TileSpan> spans = new ArrayList<>();
        if (length <= tile) {
            spans.add(new TileSpan(0, length, -overlap, length + overlap));
            return spans;
        }
        // As few tiles as the tile size allows, made as even as possible: 2160 px in tiles of at most
        // 256 becomes 9 cores of 240, not 8 of 256 and a last one of 112 run at full size.
        int count = (length + tile - 1) / tile;
        int core = (length + count - 1) / count;
        int window = core + 2 * overlap;
        for (int start = 0; start < length; start += core) {
            int end = Math.min(start + core, length);
            int windowStart = Math.min(start - overlap, length + overlap - window);
            spans.add(new TileSpan(start, end, windowStart, windowStart + window));
        }
        return spans;
    }
}

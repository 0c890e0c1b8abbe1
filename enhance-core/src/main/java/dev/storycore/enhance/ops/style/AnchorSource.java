package dev.storycore.enhance.ops.style;

/**
 * Where stroke, dot and facet anchors come from. For a still picture they are a fresh blue-noise set;
 * for video they are last frame's anchors moved along the optical flow, with gaps refilled.
 */
interface AnchorSource {
    /**
     * The anchors of one layer.
     *
     * @param layer   which layer (a renderer may use several, e.g. one per brush size)
     * @param spacing minimum distance between anchors, in pixels
     */
    PointSet layer(int layer, float spacing, int width, int height);

    /**
     * Blue-noise anchors that depend only on seed, layer, spacing and size; the last sets are kept, so
     * rendering frame after frame of the same size samples them once. Callers must not modify the result.
     */
    static AnchorSource fresh(long seed) {
        java.util.Map<String, PointSet> cache = java.util.Collections.synchronizedMap(
                new java.util.LinkedHashMap<>(8, 0.75f, true) {
                    @Override
                    protected boolean removeEldestEntry(java.util.Map.Entry<String, PointSet> eldest) {
                        return size() > 8;
                    }
                });
        return (layer, spacing, width, height) -> cache.computeIfAbsent(layer + "/" + spacing + "/" + width + "x" + height,
                k -> PoissonDisk.sample(width, height, spacing, Hash.of(seed, layer), 0));
    }
}

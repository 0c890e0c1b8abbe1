package dev.storycore.enhance.ops.style;

/**
 * Stateless random numbers: the same (seed, key...) always gives the same value, whatever the order of
 * calls. Stroke and point attributes are drawn this way from their stable id, so a point keeps its colour
 * jitter while it moves from frame to frame.
 */
final class Hash {
    private Hash() {
    }

    /** SplitMix64 finaliser. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long of(long seed, long a) {
        return mix(mix(seed + 0x9e3779b97f4a7c15L) ^ a);
    }

    static long of(long seed, long a, long b) {
        return mix(of(seed, a) + 0x9e3779b97f4a7c15L * (b + 1));
    }

    /** Uniform in [0, 1). */
    static double unit(long seed, long a, long b) {
        return (of(seed, a, b) >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    static double signed(long seed, long a, long b) {
        return unit(seed, a, b) * 2 - 1;
    }
}

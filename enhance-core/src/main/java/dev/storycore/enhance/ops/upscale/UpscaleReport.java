package dev.storycore.enhance.ops.upscale;

import dev.storycore.enhance.ops.Size;

/**
 * What {@link SuperResolution} really does for pictures of one input size: which method runs, with
 * which model, and, when that is not what the configuration asked for, why.
 *
 * @param method         what produces the picture
 * @param modelId        the network's catalog id, or {@code null} on the classical path
 * @param modelScale     the network's own factor (e.g. 4), or 0 on the classical path
 * @param tile           tile edge in input pixels the network runs on, or 0 on the classical path
 * @param overlap        context pixels added around each tile (and reflected at the picture's edges)
 * @param finalResize    the interpolation that brings the network's output to the exact target size
 *                       ({@link UpscaleMethod#LANCZOS} or {@link UpscaleMethod#AREA}), or {@code null} when
 *                       the network's output already has that size
 * @param input          input picture size
 * @param output         output picture size
 * @param fallbackReason why the network the configuration asked for did not run (with how to get it):
 *                       a smaller network or the classical path stands in; {@code null} when it ran
 */
public record UpscaleReport(UpscaleMethod method, String modelId, int modelScale, int tile, int overlap,
                            UpscaleMethod finalResize, Size input, Size output, String fallbackReason) {

    /** Whether something other than the configuration's first choice ran (a smaller network or interpolation). */
    public boolean isFallback() {
        return fallbackReason != null;
    }

    /** Whether a network was asked for but OpenCV interpolation ran instead. */
    public boolean isClassicalFallback() {
        return isFallback() && method != UpscaleMethod.MODEL;
    }

    /** One line for people, e.g. "esrgan-slim-x2 (x2, tiles 128+16 px) 640x360 -> 1280x720". */
    public String describe() {
        StringBuilder s = new StringBuilder();
        if (method == UpscaleMethod.MODEL) {
            s.append(modelId).append(" (x").append(modelScale).append(", tiles ").append(tile)
                    .append('+').append(overlap).append(" px)");
            if (finalResize != null) {
                s.append(" then ").append(finalResize.name().toLowerCase()).append(" to exact size");
            }
        } else {
            s.append(method.name().toLowerCase()).append(" interpolation");
        }
        s.append(' ').append(input).append(" -> ").append(output);
        if (isFallback()) {
            s.append(" [FALLBACK: ").append(fallbackReason).append(']');
        }
        return s.toString();
    }
}

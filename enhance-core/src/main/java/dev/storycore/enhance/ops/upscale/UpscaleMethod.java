package dev.storycore.enhance.ops.upscale;

/** What really produced an upscaled picture. */
public enum UpscaleMethod {
    /** A super-resolution network (named in the report). */
    MODEL,
    /** OpenCV bicubic interpolation (INTER_CUBIC). */
    BICUBIC,
    /** OpenCV Lanczos interpolation over 8×8 neighbours (INTER_LANCZOS4). */
    LANCZOS,
    /** OpenCV pixel-area averaging (INTER_AREA), used when the target is not larger than the input. */
    AREA
}

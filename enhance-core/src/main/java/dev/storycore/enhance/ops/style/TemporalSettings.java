package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.errors.InvalidInputException;

/**
 * How a {@link StyleStream} keeps consecutive frames consistent.
 *
 * @param carry        0..1: weight of the previous stylized frame, warped along the flow, where it is still
 *                     visible (0 = off: every frame is rendered on its own)
 * @param advectAnchors move stroke, dot and facet anchors along the flow instead of placing them afresh
 * @param flowScale    resolution of the optical flow as a fraction of the frame (0.25..1)
 * @param sceneCut     occluded fraction above which a frame counts as a new shot and nothing is carried over
 */
public record TemporalSettings(double carry, boolean advectAnchors, double flowScale, double sceneCut) {
    public TemporalSettings {
        if (!(carry >= 0 && carry < 1)) {
            throw new InvalidInputException("temporal carry must be from 0 to below 1, got " + carry);
        }
        if (!(flowScale >= 0.25 && flowScale <= 1)) {
            throw new InvalidInputException("flow scale must be from 0.25 to 1, got " + flowScale);
        }
        if (!(sceneCut > 0 && sceneCut <= 1)) {
            throw new InvalidInputException("scene-cut fraction must be in (0, 1], got " + sceneCut);
        }
    }

    public static TemporalSettings defaults() {
        return new TemporalSettings(0.88, true, 0.5, 0.6);
    }

    /** No temporal consistency at all: each frame rendered on its own with fresh anchors. */
    public static TemporalSettings off() {
        return new TemporalSettings(0, false, 0.5, 0.6);
    }
}

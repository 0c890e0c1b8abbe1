package dev.storycore.enhance.ops.interpolate;

/** How the in-between frames of a pair are made. */
public enum InterpolationMethod {
    /** A scene cut: the nearer (or configured) input frame is repeated; nothing is blended. */
    REPEAT,
    /** Static content: a plain weighted average is as good as motion compensation and costs nothing. */
    BLEND,
    /** Motion-compensated: projected flow, backward warping of both frames, occlusion-aware blending. */
    FLOW,
    /** As FLOW, after measuring the motion again with DIS MEDIUM because it was very complex. */
    FLOW_REFINED,
    /** A user-supplied ONNX interpolation network. */
    NEURAL
}

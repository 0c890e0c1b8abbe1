package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.addWeighted;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.ops.motion.Consistency;
import dev.storycore.enhance.ops.motion.DenseFlow;
import dev.storycore.enhance.ops.motion.FlowField;
import dev.storycore.enhance.ops.motion.FlowPair;
import dev.storycore.enhance.ops.motion.FlowPreset;
import dev.storycore.enhance.ops.motion.FlowSettings;
import dev.storycore.enhance.ops.motion.Warp;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Temporally consistent stylization. For each new frame: DIS optical flow between the previous and the new
 * original frame (both directions); forward–backward consistency gives which pixels were visible before;
 * stroke/dot/facet anchors are moved along the flow ({@link TrackedAnchors}); the frame is rendered; and where
 * the content was visible and its colour did not change, the previous stylized frame, warped to the new
 * one, is merged in with weight {@link TemporalSettings#carry()} (the blending scheme of flow-guided video
 * stylization, e.g. Bousseau et al. 2007 and the short-term term of Ruder, Dosovitskiy and Brox, "Artistic
 * style transfer for videos", GCPR 2016). A frame with most pixels occluded is a new shot: nothing is carried.
 */
final class TemporalStyle implements StyleStream {
    /** Colour change (0..255 distance) at which a warped pixel's confidence has fallen to about 0.6. */
    private static final float PHOTOMETRIC_SIGMA = 24f;
    /** Flow vectors shorter than this (pixels) are measurement noise on still content and count as zero. */
    private static final float STILL = 0.35f;
    /** Below this shorter side the flow is measured at full resolution (DIS needs some pixels per patch). */
    private static final int SMALL_FRAME = 360;
    /** Mean grey-level change (0..255, averaged over a few pixels) below which content counts as still. */
    private static final float STILL_CHANGE = 4f;

    private final TemporalSettings settings;
    private final DenseFlow flow;
    private final DenseFlow fullFlow;
    private final AutoCloseable owned;
    private Look current;
    private Look previousLook;
    private int fadeTotal;
    private int fadeLeft;
    private Mat prevBgr;
    private Mat prevStyled;

    private static final class Look {
        final StyleSetup setup;
        final AnchorSource fresh;
        TrackedAnchors anchors;

        Look(StyleSetup setup) {
            this.setup = setup;
            this.fresh = AnchorSource.fresh(setup.params().seed());
            this.anchors = new TrackedAnchors(setup.params().seed());
        }
    }

    TemporalStyle(StyleSetup setup, TemporalSettings settings) {
        this(setup, settings, null);
    }

    TemporalStyle(StyleSetup setup, TemporalSettings settings, ImageModel owned) {
        this.settings = settings;
        this.current = new Look(setup);
        this.owned = owned;
        this.flow = DenseFlow.create(FlowSettings.of(FlowPreset.ULTRAFAST).withScale(settings.flowScale()));
        this.fullFlow = settings.flowScale() < 1 ? DenseFlow.create(FlowSettings.of(FlowPreset.ULTRAFAST)) : flow;
    }

    @Override
    public String id() {
        return "style:" + current.setup.name() + "+temporal";
    }

    @Override
    public Size outputSize(Size input) {
        return input;
    }

    @Override
    public void switchTo(Style style, StyleParams params, StyleReference reference, int fadeFrames) {
        Look next = new Look(Styles.setup(style, params, reference));
        if (fadeFrames > 0) {
            previousLook = current;
            fadeTotal = fadeFrames;
            fadeLeft = fadeFrames;
        } else {
            previousLook = null;
            fadeLeft = 0;
        }
        current = next;
    }

    @Override
    public List<Frame> push(Frame input) {
        Mat original = input.image();
        Mat bgr = FrameFormat.toBgr8(original);
        int w = bgr.cols();
        int h = bgr.rows();
        FlowPair flows = null;
        Mat visibleNow = null;
        try {
            boolean carry = false;
            boolean needFlow = prevBgr != null && prevBgr.cols() == w && prevBgr.rows() == h
                    && (settings.carry() > 0 || settings.advectAnchors());
            if (needFlow) {
                flows = still(Math.min(w, h) < SMALL_FRAME ? fullFlow.estimateBoth(prevBgr, bgr)
                        : flow.estimateBoth(prevBgr, bgr), unchanged(prevBgr, bgr));
                try (Mat visiblePrev = Consistency.visibleMask(flows.forward(), flows.backward())) {
                    boolean cut = Consistency.occludedFraction(visiblePrev) > settings.sceneCut();
                    if (cut) {
                        resetAnchors();
                    } else if (settings.advectAnchors()) {
                        byte[] vis = Pixels.bytes(visiblePrev);
                        float[] f = flows.forward().toArray();
                        advect(current, f, vis, w, h);
                        if (previousLook != null) {
                            advect(previousLook, f, vis, w, h);
                        }
                    } else {
                        nextFrame();
                    }
                    carry = !cut && settings.carry() > 0 && prevStyled != null;
                }
                if (carry) {
                    visibleNow = Consistency.visibleMask(flows.backward(), flows.forward());
                }
            } else {
                if (!settings.advectAnchors()) {
                    resetAnchors();
                } else {
                    nextFrame();
                }
            }
            Mat styled = look(bgr);
            if (carry) {
                Mat merged = merge(styled, bgr, flows, visibleNow);
                styled.close();
                styled = merged;
            }
            Frame out = input.withImage(FrameFormat.like(styled, original));
            replace(bgr, styled);
            return List.of(out);
        } finally {
            if (flows != null) {
                flows.close();
            }
            if (visibleNow != null) {
                visibleNow.close();
            }
        }
    }

    /** The current look (cross-faded from the previous one while a switch is in progress), finished. */
    private Mat look(Mat bgr) {
        Mat now = renderFinished(current, bgr, settings.advectAnchors());
        if (previousLook == null || fadeLeft <= 0) {
            previousLook = null;
            return now;
        }
        double t = 1.0 - (double) fadeLeft / (fadeTotal + 1);
        fadeLeft--;
        try (Mat before = renderFinished(previousLook, bgr, settings.advectAnchors())) {
            Mat mixed = new Mat();
            addWeighted(now, t, before, 1 - t, 0, mixed);
            now.close();
            return mixed;
        }
    }

    private static Mat renderFinished(Look look, Mat bgr, boolean tracked) {
        StyleParams p = look.setup.params();
        if (p.strength() <= 0) {
            return bgr.clone();
        }
        try (Mat rendered = look.setup.renderer().render(bgr,
                look.setup.context(tracked ? look.anchors : look.fresh));
             Mat finished = Finish.structureAndColours(rendered, bgr, p.preserveStructure(), p.preserveColors())) {
            return Finish.strength(finished, bgr, p.strength());
        }
    }

    /**
     * out = c·W + (1 − c)·S with W the previous stylized frame warped to this one, S this frame's rendering,
     * and c = carry × visible × exp(−|I_t − warp(I_{t−1})|² / 2σ²): no carry where content appeared or changed.
     */
    private Mat merge(Mat styled, Mat bgr, FlowPair flows, Mat visibleNow) {
        int w = bgr.cols();
        int h = bgr.rows();
        try (Mat warpedStyle = Warp.backward(prevStyled, flows.backward());
             Mat warpedInput = Warp.backward(prevBgr, flows.backward())) {
            byte[] s = Pixels.bytes(styled);
            byte[] ws = Pixels.bytes(warpedStyle);
            byte[] cur = Pixels.bytes(bgr);
            byte[] wi = Pixels.bytes(warpedInput);
            byte[] vis = Pixels.bytes(visibleNow);
            float carry = (float) settings.carry();
            float inv = 1f / (2 * PHOTOMETRIC_SIGMA * PHOTOMETRIC_SIGMA);
            for (int i = 0; i < w * h; i++) {
                if (vis[i] == 0) {
                    continue;
                }
                int p = 3 * i;
                float d2 = 0;
                for (int k = 0; k < 3; k++) {
                    float d = Pixels.u(cur[p + k]) - Pixels.u(wi[p + k]);
                    d2 += d * d;
                }
                float c = carry * (float) Math.exp(-d2 * inv);
                for (int k = 0; k < 3; k++) {
                    s[p + k] = Pixels.clampByte(c * Pixels.u(ws[p + k]) + (1 - c) * Pixels.u(s[p + k]));
                }
            }
            return Pixels.mat(s, h, w, 3);
        }
    }

    /**
     * The flows with zero motion wherever the picture did not change (within camera noise) or the vector is
     * shorter than {@link #STILL}: in flat, textureless areas optical flow is undetermined and would otherwise
     * drag strokes and textures around on still content.
     */
    private static FlowPair still(FlowPair raw, boolean[] unchanged) {
        try (raw) {
            return new FlowPair(still(raw.forward(), unchanged), still(raw.backward(), unchanged));
        }
    }

    private static FlowField still(FlowField f, boolean[] unchanged) {
        float[] xy = f.toArray();
        float t2 = STILL * STILL;
        for (int i = 0; i < xy.length; i += 2) {
            if (unchanged[i / 2] || xy[i] * xy[i] + xy[i + 1] * xy[i + 1] < t2) {
                xy[i] = 0;
                xy[i + 1] = 0;
            }
        }
        return FlowField.fromArray(f.width(), f.height(), xy);
    }

    /** Per pixel: the locally averaged colour change between the two frames is within camera noise. */
    private static boolean[] unchanged(Mat a, Mat b) {
        int w = a.cols();
        int h = a.rows();
        float[] d;
        try (Mat diff = new Mat(); Mat grey = new Mat(); Mat f = new Mat()) {
            org.bytedeco.opencv.global.opencv_core.absdiff(a, b, diff);
            org.bytedeco.opencv.global.opencv_imgproc.cvtColor(diff, grey,
                    org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY);
            grey.convertTo(f, org.bytedeco.opencv.global.opencv_core.CV_32F);
            try (Mat soft = Blur.gaussian(f, 2.0)) {
                d = Pixels.floats(soft);
            }
        }
        boolean[] out = new boolean[w * h];
        for (int i = 0; i < out.length; i++) {
            out[i] = d[i] < STILL_CHANGE;
        }
        return out;
    }

    private void advect(Look look, float[] f, byte[] vis, int w, int h) {
        look.anchors.advect(f, vis, w, h);
    }

    private void nextFrame() {
        current.anchors.nextFrame();
        if (previousLook != null) {
            previousLook.anchors.nextFrame();
        }
    }

    private void resetAnchors() {
        current.anchors = new TrackedAnchors(current.setup.params().seed());
        if (previousLook != null) {
            previousLook.anchors = new TrackedAnchors(previousLook.setup.params().seed());
        }
    }

    private void replace(Mat bgr, Mat styled) {
        if (prevBgr != null) {
            prevBgr.close();
        }
        if (prevStyled != null) {
            prevStyled.close();
        }
        prevBgr = bgr;
        prevStyled = styled.clone();
        styled.close();
    }

    @Override
    public List<Frame> flush() {
        return List.of();
    }

    @Override
    public void close() {
        flow.close();
        if (fullFlow != flow) {
            fullFlow.close();
        }
        if (prevBgr != null) {
            prevBgr.close();
            prevBgr = null;
        }
        if (prevStyled != null) {
            prevStyled.close();
            prevStyled = null;
        }
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the style model failed", e);
            }
        }
    }
}

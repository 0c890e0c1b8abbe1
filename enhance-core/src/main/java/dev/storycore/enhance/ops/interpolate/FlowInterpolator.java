package dev.storycore.enhance.ops.interpolate;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;

import dev.storycore.enhance.ops.motion.Consistency;
import dev.storycore.enhance.ops.motion.DenseFlow;
import dev.storycore.enhance.ops.motion.FlowField;
import dev.storycore.enhance.ops.motion.FlowPair;
import dev.storycore.enhance.ops.motion.FlowPreset;
import dev.storycore.enhance.ops.motion.FlowSettings;
import dev.storycore.enhance.ops.motion.FlowStats;
import dev.storycore.enhance.ops.motion.Warp;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The classical interpolator. Per pair: grey working-resolution copies, DIS flow both ways, forward–backward
 * consistency, scene-cut and complexity analysis. Per time t: projected flow ({@link FlowProjection}),
 * upsampled to full size, both frames backward-warped with cv::remap and blended with weights
 * (1−t)·visibility-in-1 and t·visibility-in-0 (see docs/interpolation.md).
 */
final class FlowInterpolator implements Interpolator {
    /** Changed-pixel share below which a pair is treated as static (adaptive mode). */
    static final double STATIC_CHANGE = 0.0005;
    /** Floor of a blending weight, so a pixel marked invisible in both frames still gets an average. */
    private static final float MIN_WEIGHT = 0.02f;

    private final InterpolationSettings settings;
    private DenseFlow flow;
    private DenseFlow refineFlow;
    private Mat identity;

    FlowInterpolator(InterpolationSettings settings) {
        this.settings = settings;
    }

    @Override
    public InterpolationPair prepare(Mat first, Mat second) {
        Pictures.checkPair(first, second);
        FlowSettings fs = settings.quality().flowSettings(first.cols());
        int w = Math.max(8, (int) Math.round(first.cols() * fs.scale()));
        int h = Math.max(8, (int) Math.round(first.rows() * fs.scale()));
        byte[] g0;
        byte[] g1;
        try (Mat grey0 = Pictures.greyAt(first, w, h); Mat grey1 = Pictures.greyAt(second, w, h)) {
            g0 = Pictures.bytes(grey0);
            g1 = Pictures.bytes(grey1);
            double histogram = SceneMeasures.histogramDistance(g0, g1);
            if (settings.adaptive() && SceneMeasures.changedFraction(g0, g1) < STATIC_CHANGE) {
                MotionAnalysis still = new MotionAnalysis(0, 0, 0, 0, histogram, 0, false,
                        MotionComplexity.SIMPLE, InterpolationMethod.BLEND);
                return new Pair(first, second, still, null);
            }
            Motion motion = measure(flow(fs), grey0, grey1, g0, g1, w, h, fs.scale());
            MotionAnalysis analysis = analyse(motion, histogram, fs.scale(), InterpolationMethod.FLOW);
            if (settings.adaptive() && !analysis.sceneChange() && fs.preset() != FlowPreset.MEDIUM
                    && analysis.complexity().compareTo(MotionComplexity.COMPLEX) >= 0) {
                motion = measure(refineFlow(fs), grey0, grey1, g0, g1, w, h, fs.scale());
                analysis = analyse(motion, histogram, fs.scale(), InterpolationMethod.FLOW_REFINED);
            }
            return new Pair(first, second, analysis, analysis.sceneChange() ? null : motion);
        }
    }

    private MotionAnalysis analyse(Motion m, double histogram, double scale, InterpolationMethod method) {
        FlowStats s = FlowStats.of(m.f01);
        double p95 = s.p95Magnitude() / scale;
        boolean cut = settings.cuts().isCut(histogram, m.warpError, m.occluded);
        return new MotionAnalysis(s.meanMagnitude() / scale, s.stdMagnitude() / scale, p95, m.occluded, histogram,
                m.warpError, cut, MotionAnalysis.classify(p95, m.occluded), cut ? InterpolationMethod.REPEAT : method);
    }

    private static Motion measure(DenseFlow dis, Mat grey0, Mat grey1, byte[] g0, byte[] g1, int w, int h,
                                  double scale) {
        try (FlowPair pair = dis.estimateBoth(grey0, grey1);
             Mat visible0 = Consistency.visibleMask(pair.forward(), pair.backward());
             Mat visible1 = Consistency.visibleMask(pair.backward(), pair.forward())) {
            byte[] v0 = Pictures.bytes(visible0);
            float[] f01 = pair.forward().toArray();
            double occluded = Consistency.occludedFraction(visible0);
            double warpError = SceneMeasures.warpError(g0, g1, f01, v0, w, h);
            return new Motion(f01, pair.backward().toArray(), softVisibility(visible0), softVisibility(visible1),
                    w, h, occluded, warpError);
        }
    }

    /** The 0/255 mask as 0..1 floats, softened over 3x3 so weights do not switch at a single pixel. */
    private static float[] softVisibility(Mat mask) {
        try (Mat f = new Mat(); Mat blurred = new Mat()) {
            mask.convertTo(f, CV_32FC1, 1.0 / 255, 0);
            opencv_imgproc.blur(f, blurred, new Size(3, 3));
            return Pictures.floats(blurred);
        }
    }

    private DenseFlow flow(FlowSettings fs) {
        if (flow == null || !flow.settings().equals(fs.withScale(1.0))) {
            if (flow != null) {
                flow.close();
            }
            flow = DenseFlow.create(fs.withScale(1.0));
        }
        return flow;
    }

    private DenseFlow refineFlow(FlowSettings fs) {
        FlowSettings stronger = new FlowSettings(FlowPreset.MEDIUM, 1.0, FlowSettings.PRESET_DEFAULT);
        if (refineFlow == null) {
            refineFlow = DenseFlow.create(stronger);
        }
        return refineFlow;
    }

    private Mat identity(int width, int height) {
        if (identity == null || identity.cols() != width || identity.rows() != height) {
            if (identity != null) {
                identity.close();
            }
            identity = Warp.absoluteMap(new float[2 * width * height], width, height, 0f);
        }
        return identity;
    }

    @Override
    public void close() {
        if (flow != null) {
            flow.close();
        }
        if (refineFlow != null) {
            refineFlow.close();
        }
        if (identity != null) {
            identity.close();
        }
    }

    /** Motion of one pair at the working resolution. */
    record Motion(float[] f01, float[] f10, float[] vis0, float[] vis1, int w, int h, double occluded,
                  double warpError) {
    }

    private final class Pair implements InterpolationPair {
        private final Mat first;
        private final Mat second;
        private final MotionAnalysis analysis;
        private final Motion motion;

        Pair(Mat first, Mat second, MotionAnalysis analysis, Motion motion) {
            this.first = first;
            this.second = second;
            this.analysis = analysis;
            this.motion = motion;
        }

        @Override
        public MotionAnalysis analysis() {
            return analysis;
        }

        @Override
        public Mat at(double t) {
            if (!(t >= 0 && t <= 1)) {
                throw new IllegalArgumentException("interpolation time must be in [0, 1], got " + t);
            }
            if (t == 0) {
                return first.clone();
            }
            if (t == 1) {
                return second.clone();
            }
            return switch (analysis.method()) {
                case REPEAT -> (settings.cutPolicy().showsFirst(t) ? first : second).clone();
                case BLEND -> {
                    Mat out = new Mat();
                    opencv_core.addWeighted(first, 1 - t, second, t, 0, out);
                    yield out;
                }
                default -> synthesize(t);
            };
        }

        private Mat synthesize(double t) {
            Motion m = motion;
            int w = m.w();
            int h = m.h();
            float[] mt = FlowProjection.motionAt(t, m.f01(), m.f10(), m.vis0(), m.vis1(), w, h);
            float[] disp0 = new float[2 * w * h];
            float[] disp1 = new float[2 * w * h];
            float[] weight0 = new float[w * h];
            float[] weight1 = new float[w * h];
            float ft = (float) t;
            int i = 0;
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++, i++) {
                    float mx = mt[2 * i];
                    float my = mt[2 * i + 1];
                    disp0[2 * i] = -ft * mx;
                    disp0[2 * i + 1] = -ft * my;
                    disp1[2 * i] = (1 - ft) * mx;
                    disp1[2 * i + 1] = (1 - ft) * my;
                    // Frame 1's sample is wrong where frame 0's source pixel is hidden in frame 1, and vice versa.
                    float seenIn1 = FlowProjection.sample(m.vis1(), w, h, x + disp1[2 * i], y + disp1[2 * i + 1]);
                    float seenIn0 = FlowProjection.sample(m.vis0(), w, h, x + disp0[2 * i], y + disp0[2 * i + 1]);
                    weight0[i] = (1 - ft) * Math.max(MIN_WEIGHT, seenIn1);
                    weight1[i] = ft * Math.max(MIN_WEIGHT, seenIn0);
                }
            }
            int width = first.cols();
            int height = first.rows();
            Mat ident = identity(width, height);
            try (FlowField d0 = FlowField.fromArray(w, h, disp0); FlowField big0 = d0.resized(width, height);
                 FlowField d1 = FlowField.fromArray(w, h, disp1); FlowField big1 = d1.resized(width, height);
                 Mat map0 = new Mat(); Mat map1 = new Mat();
                 Mat w0 = Pictures.floatMat(weight0, w, h, CV_32FC1); Mat w1 = Pictures.floatMat(weight1, w, h, CV_32FC1);
                 Mat bigW0 = new Mat(); Mat bigW1 = new Mat()) {
                opencv_core.add(ident, big0.mat(), map0);
                opencv_core.add(ident, big1.mat(), map1);
                opencv_imgproc.resize(w0, bigW0, new Size(width, height), 0, 0, opencv_imgproc.INTER_LINEAR);
                opencv_imgproc.resize(w1, bigW1, new Size(width, height), 0, 0, opencv_imgproc.INTER_LINEAR);
                try (Mat warped0 = Warp.remap(first, map0); Mat warped1 = Warp.remap(second, map1)) {
                    return Pictures.blend(warped0, warped1, bigW0, bigW1);
                }
            }
        }

        @Override
        public void close() {
            // The pair holds only Java arrays; the pictures belong to the caller.
        }
    }

}

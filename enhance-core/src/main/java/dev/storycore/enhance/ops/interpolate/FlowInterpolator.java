package dev.storycore.enhance.ops.interpolate;

import dev.storycore.enhance.ops.motion.Consistency;
import dev.storycore.enhance.ops.motion.DenseFlow;
import dev.storycore.enhance.ops.motion.FlowPair;
import dev.storycore.enhance.ops.motion.FlowPreset;
import dev.storycore.enhance.ops.motion.FlowSettings;
import dev.storycore.enhance.ops.motion.FlowStats;
import java.util.function.IntFunction;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The classical interpolator. Per pair ({@link #prepare}): grey working-resolution copies, DIS flow both
 * ways, forward–backward consistency, scene-cut and complexity analysis. Per time t: see
 * {@link FrameSynthesis}.
 */
final class FlowInterpolator implements Interpolator {
    /** Changed-pixel share below which a pair is treated as static (adaptive mode). */
    static final double STATIC_CHANGE = 0.0005;

    private final InterpolationSettings settings;
    private final IntFunction<FlowSettings> flowChoice;
    private final FrameSynthesis synthesis = new FrameSynthesis();
    private DenseFlow flow;
    private DenseFlow refineFlow;

    FlowInterpolator(InterpolationSettings settings) {
        this(settings, settings.quality()::flowSettings);
    }

    /** With an explicit choice of flow settings per frame width (for measurements). */
    FlowInterpolator(InterpolationSettings settings, IntFunction<FlowSettings> flowChoice) {
        this.settings = settings;
        this.flowChoice = flowChoice;
    }

    @Override
    public InterpolationPair prepare(Mat first, Mat second) {
        Pictures.checkPair(first, second);
        FlowSettings fs = flowChoice.apply(first.cols());
        int w = Math.max(8, (int) Math.round(first.cols() * fs.scale()));
        int h = Math.max(8, (int) Math.round(first.rows() * fs.scale()));
        try (Mat grey0 = Pictures.greyAt(first, w, h); Mat grey1 = Pictures.greyAt(second, w, h)) {
            byte[] g0 = Pictures.bytes(grey0);
            byte[] g1 = Pictures.bytes(grey1);
            double histogram = SceneMeasures.histogramDistance(g0, g1);
            if (settings.adaptive() && SceneMeasures.changedFraction(g0, g1) < STATIC_CHANGE) {
                MotionAnalysis still = new MotionAnalysis(0, 0, 0, 0, 0, histogram, 0, false,
                        MotionComplexity.SIMPLE, InterpolationMethod.BLEND);
                return new Pair(first, second, still, null);
            }
            PairMotion motion = measure(flow(fs), grey0, grey1, g0, g1, w, h);
            MotionAnalysis analysis = analyse(motion, histogram, fs.scale(), InterpolationMethod.FLOW);
            if (settings.adaptive() && !analysis.sceneChange()
                    && MotionAnalysis.classify(analysis.p95Motion(), analysis.occludedFraction())
                    == MotionComplexity.VERY_COMPLEX) {
                motion = measure(refineFlow(fs), grey0, grey1, g0, g1, w, h);
                analysis = analyse(motion, histogram, fs.scale(), InterpolationMethod.FLOW_REFINED);
            }
            return new Pair(first, second, analysis, analysis.sceneChange() ? null : motion);
        }
    }

    private MotionAnalysis analyse(PairMotion m, double histogram, double scale, InterpolationMethod method) {
        FlowStats s = FlowStats.of(everySecondPixel(m.f01(), m.w(), m.h()));
        double p95 = s.p95Magnitude() / scale;
        boolean cut = settings.cuts().isCut(histogram, m.unexplained(), m.occluded());
        return new MotionAnalysis(s.meanMagnitude() / scale, s.stdMagnitude() / scale, p95, m.occluded(),
                m.unexplained(), histogram, m.warpError(), cut, MotionAnalysis.classify(p95, m.occluded(), m.unexplained()),
                cut ? InterpolationMethod.REPEAT : method);
    }

    /** The vectors of every second pixel of every second row: statistics of a quarter of the field. */
    private static float[] everySecondPixel(float[] xy, int w, int h) {
        float[] out = new float[2 * ((w + 1) / 2) * ((h + 1) / 2)];
        int k = 0;
        for (int y = 0; y < h; y += 2) {
            for (int x = 0; x < w; x += 2) {
                out[k++] = xy[2 * (y * w + x)];
                out[k++] = xy[2 * (y * w + x) + 1];
            }
        }
        return out;
    }

    private static PairMotion measure(DenseFlow dis, Mat grey0, Mat grey1, byte[] g0, byte[] g1, int w, int h) {
        float[] f01;
        float[] f10;
        try (FlowPair pair = dis.estimateBoth(grey0, grey1)) {
            f01 = pair.forward().toArray();
            f10 = pair.backward().toArray();
        }
        float alpha = (float) Consistency.DEFAULT_ALPHA;
        float beta = (float) Consistency.DEFAULT_BETA;
        float[] forward = f01;
        float[] backward = f10;
        Parallel.Both<Side, Side> sides = Parallel.both(
                () -> Side.of(forward, backward, w, h, alpha, beta),
                () -> Side.of(backward, forward, w, h, alpha, beta));
        byte[] visible0 = sides.first().visible();
        int occludedPixels = 0;
        for (byte v : visible0) {
            if (v == 0) {
                occludedPixels++;
            }
        }
        SceneMeasures.Residual residual = SceneMeasures.warpError(g0, g1, f01, visible0, w, h);
        return new PairMotion(f01, f10, sides.first().soft(), sides.second().soft(), g0, g1, w, h,
                (double) occludedPixels / (w * h), residual.meanError(), residual.unexplained());
    }

    /** One frame's visibility: the hard consistency mask and its softened form. */
    private record Side(byte[] visible, float[] soft) {
        static Side of(float[] flow, float[] other, int w, int h, float alpha, float beta) {
            byte[] v = Consistency.visible(flow, other, w, h, alpha, beta);
            return new Side(v, PairMotion.soften(v, w, h));
        }
    }

    private DenseFlow flow(FlowSettings fs) {
        FlowSettings atWorkingSize = fs.withScale(1.0);
        if (flow == null || !flow.settings().equals(atWorkingSize)) {
            if (flow != null) {
                flow.close();
            }
            flow = DenseFlow.create(atWorkingSize);
        }
        return flow;
    }

    /**
     * The second measurement for very complex motion: DIS MEDIUM (larger patches, more iterations, variational
     * refinement) at the same pyramid level; or, when the preset is MEDIUM already, with twice the refinement.
     */
    private DenseFlow refineFlow(FlowSettings fs) {
        if (refineFlow == null) {
            FlowSettings stronger = fs.preset() == FlowPreset.MEDIUM
                    ? fs.withScale(1.0).withRefinement(Math.max(10, 2 * Math.max(fs.refinementIterations(), 5)))
                    : new FlowSettings(FlowPreset.MEDIUM, 1.0, FlowSettings.PRESET_DEFAULT, fs.finestScale());
            refineFlow = DenseFlow.create(stronger);
        }
        return refineFlow;
    }

    @Override
    public void close() {
        if (flow != null) {
            flow.close();
        }
        if (refineFlow != null) {
            refineFlow.close();
        }
        synthesis.close();
    }

    private final class Pair implements InterpolationPair {
        private final Mat first;
        private final Mat second;
        private final MotionAnalysis analysis;
        private final PairMotion motion;

        Pair(Mat first, Mat second, MotionAnalysis analysis, PairMotion motion) {
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
                default -> synthesis.synthesize(first, second, motion, t);
            };
        }

        @Override
        public void close() {
            // The pair holds only Java arrays; the pictures belong to the caller.
        }
    }
}

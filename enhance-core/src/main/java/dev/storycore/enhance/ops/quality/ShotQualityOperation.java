package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.insertChannel;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2BGRA;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.ops.WindowOperation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The quality stage for video (and single pictures): corrections decided per shot, not per frame,
 * so they do not flicker. Frames are buffered until a hard cut ({@link ShotBoundaryDetector}) or
 * {@code window} frames; every {@code sampleEvery}-th buffered frame is analysed, the median of
 * their measurements describes the window, and one plan ({@link QualityOptimizer#plan}) is applied
 * to all of its frames. When a long shot spans several windows, each numeric parameter is smoothed
 * with the previous window's (exponential, weight {@value #SMOOTHING} on the new value), so the
 * correction drifts slowly instead of jumping. Output frames keep the input's channels and depth.
 */
public final class ShotQualityOperation implements WindowOperation {
    static final double SMOOTHING = 0.5;

    private final QualityOptimizer optimizer;
    private final QualityRequest request;
    private final int window;
    private final int sampleEvery;
    private final ShotBoundaryDetector cuts = new ShotBoundaryDetector();
    private final List<Frame> buffer = new ArrayList<>();
    private List<Suggestion> previousPlan = List.of();
    private final List<List<Suggestion>> plans = new ArrayList<>();

    private ShotQualityOperation(QualityOptimizer optimizer, QualityRequest request, int window, int sampleEvery) {
        this.optimizer = optimizer;
        this.request = request;
        this.window = window;
        this.sampleEvery = sampleEvery;
    }

    /** Defaults: windows of up to 24 frames, every 4th frame analysed. */
    public static ShotQualityOperation create(QualityRequest request) {
        return create(request, 24, 4);
    }

    public static ShotQualityOperation create(QualityRequest request, int window, int sampleEvery) {
        if (window < 1 || sampleEvery < 1) {
            throw new IllegalArgumentException("window and sampleEvery must be at least 1, got " + window + ", "
                    + sampleEvery);
        }
        return new ShotQualityOperation(QualityOptimizer.create(), request, window, sampleEvery);
    }

    @Override
    public String id() {
        return "quality";
    }

    @Override
    public Size outputSize(Size input) {
        return input;
    }

    /** The plan used for each window so far, in order (for reports and tests). */
    public List<List<Suggestion>> plans() {
        return List.copyOf(plans);
    }

    @Override
    public List<Frame> push(Frame input) {
        List<Frame> out = new ArrayList<>();
        boolean cut;
        try (Mat bgr = AnalysisImages.toBgr8(input.image())) {
            cut = cuts.isCut(bgr);
        }
        if (cut && !buffer.isEmpty()) {
            out.addAll(process(true));
        } else if (cut) {
            previousPlan = List.of();
        }
        buffer.add(input.copy());
        if (buffer.size() >= window) {
            out.addAll(process(false));
        }
        return out;
    }

    @Override
    public List<Frame> flush() {
        return buffer.isEmpty() ? List.of() : process(false);
    }

    /** Corrects and returns the buffered frames; {@code shotEnds}: the next frame starts a new shot. */
    private List<Frame> process(boolean shotEnds) {
        List<Frame> out = new ArrayList<>();
        try {
            List<Measurements> samples = new ArrayList<>();
            for (int i = 0; i < buffer.size(); i += sampleEvery) {
                try (Mat bgr = AnalysisImages.toBgr8(buffer.get(i).image())) {
                    samples.add(PixelMeasurer.measure(bgr, null));
                }
            }
            QualityReport shot = QualityAnalyzer.report(MeasurementsMedian.of(samples));
            List<Suggestion> plan = optimizer.plan(buffer.get(buffer.size() / 2).image(), shot, request);
            plan = smooth(plan, previousPlan);
            plans.add(plan);
            for (Frame f : buffer) {
                try (Mat corrected = optimizer.applyPlan(f.image(), plan)) {
                    out.add(f.withImage(restoreFormat(corrected, f.image())));
                }
            }
            previousPlan = shotEnds ? List.of() : plan;
            return out;
        } catch (RuntimeException e) {
            out.forEach(Frame::close);
            throw e;
        } finally {
            buffer.forEach(Frame::close);
            buffer.clear();
        }
    }

    /** Blends each numeric parameter with the previous window's value for the same correction. */
    static List<Suggestion> smooth(List<Suggestion> plan, List<Suggestion> previous) {
        List<Suggestion> out = new ArrayList<>();
        for (Suggestion s : plan) {
            Suggestion before = previous.stream().filter(p -> p.type() == s.type()).findFirst().orElse(null);
            if (before == null) {
                out.add(s);
                continue;
            }
            Map<String, Double> p = new HashMap<>(s.parameters());
            for (Map.Entry<String, Double> e : s.parameters().entrySet()) {
                Double old = before.parameters().get(e.getKey());
                if (old != null && !old.isNaN() && !e.getValue().isNaN()) {
                    p.put(e.getKey(), SMOOTHING * e.getValue() + (1 - SMOOTHING) * old);
                }
            }
            out.add(s.withParameters(p));
        }
        return out;
    }

    /** The corrected 8-bit BGR picture in the input's channel count and depth (alpha copied from the input). */
    static Mat restoreFormat(Mat bgr8, Mat like) {
        Mat out = new Mat();
        switch (like.channels()) {
            case 1 -> cvtColor(bgr8, out, COLOR_BGR2GRAY);
            case 4 -> {
                cvtColor(bgr8, out, COLOR_BGR2BGRA);
                try (Mat alpha = new Mat(); Mat alpha8 = new Mat()) {
                    extractChannel(like, alpha, 3);
                    alpha.convertTo(alpha8, CV_8U, like.depth() == CV_16U ? 1.0 / 257 : 1.0, 0);
                    insertChannel(alpha8, out, 3);
                }
            }
            default -> bgr8.copyTo(out);
        }
        if (like.depth() == CV_16U) {
            out.convertTo(out, CV_16U, 257, 0);
        }
        return out;
    }

    @Override
    public void close() {
        buffer.forEach(Frame::close);
        buffer.clear();
        cuts.close();
    }
}

package dev.storycore.enhance.ops.quality;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.FrameSource;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Analyses a stream shot by shot: hard cuts split it ({@link ShotBoundaryDetector}), every
 * {@code sampleEvery}-th frame of a shot is measured, and the median of the measurements gives
 * the shot's report and suggestions. A single picture is one shot.
 */
public final class ShotAnalysis {
    private ShotAnalysis() {
    }

    public static List<ShotReport> analyze(FrameSource source, int sampleEvery) {
        if (sampleEvery < 1) {
            throw new IllegalArgumentException("sampleEvery must be at least 1, got " + sampleEvery);
        }
        QualityOptimizer optimizer = QualityOptimizer.create();
        List<ShotReport> shots = new ArrayList<>();
        List<Measurements> samples = new ArrayList<>();
        long first = -1;
        long last = -1;
        long inShot = 0;
        try (ShotBoundaryDetector cuts = new ShotBoundaryDetector()) {
            Frame f;
            while ((f = source.next()) != null) {
                try (Frame frame = f; Mat bgr = AnalysisImages.toBgr8(frame.image())) {
                    if (cuts.isCut(bgr) && !samples.isEmpty()) {
                        shots.add(shot(optimizer, first, last, samples));
                        samples = new ArrayList<>();
                        inShot = 0;
                    }
                    if (inShot == 0) {
                        first = frame.index();
                    }
                    if (inShot % sampleEvery == 0) {
                        samples.add(PixelMeasurer.measure(bgr, null));
                    }
                    last = frame.index();
                    inShot++;
                }
            }
        }
        if (!samples.isEmpty()) {
            shots.add(shot(optimizer, first, last, samples));
        }
        return shots;
    }

    private static ShotReport shot(QualityOptimizer optimizer, long first, long last, List<Measurements> samples) {
        QualityReport report = QualityAnalyzer.report(MeasurementsMedian.of(samples));
        return new ShotReport(first, last, samples.size(), report, optimizer.suggest(report));
    }
}

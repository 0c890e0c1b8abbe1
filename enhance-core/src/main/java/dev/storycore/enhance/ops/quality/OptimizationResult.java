package dev.storycore.enhance.ops.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The outcome of a correction run: the corrected picture (8-bit BGR, owned by this result: close
 * it, or take it with {@link #takeImage()}), the reports before and after, and every step tried.
 * The "after" report measures detail preservation against the input.
 */
public record OptimizationResult(Mat image, QualityReport before, QualityReport after, List<AppliedCorrection> steps)
        implements AutoCloseable {
    public OptimizationResult {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(after, "after");
        steps = List.copyOf(steps);
    }

    /** Every dimension before and after. */
    public List<DimensionChange> feedback() {
        List<DimensionChange> out = new ArrayList<>();
        for (QualityDimension d : QualityDimension.values()) {
            out.add(new DimensionChange(d, before.score(d), after.score(d)));
        }
        return out;
    }

    /** The corrections that were kept, in the order applied. */
    public List<Suggestion> applied() {
        return steps.stream().filter(AppliedCorrection::accepted).map(AppliedCorrection::suggestion).toList();
    }

    /** Hands the picture to the caller, who must close it; this result no longer owns it. */
    public Mat takeImage() {
        Mat copy = new Mat();
        image.copyTo(copy);
        image.close();
        return copy;
    }

    @Override
    public void close() {
        image.close();
    }
}

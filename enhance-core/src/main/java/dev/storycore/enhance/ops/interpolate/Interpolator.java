package dev.storycore.enhance.ops.interpolate;

import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelFile;
import dev.storycore.enhance.model.onnx.OnnxSessions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Synthesizes frames between two pictures. Measure a pair once with {@link #prepare}, then ask the pair
 * for as many times t as needed (a 24 → 60 fps conversion asks two or three per pair).
 * Not thread-safe; use one per thread.
 */
public interface Interpolator extends AutoCloseable {
    /** Classical interpolation: DIS optical flow, projected flow, occlusion-aware blending. */
    static Interpolator classical(InterpolationSettings settings) {
        return new FlowInterpolator(settings);
    }

    /** The task name of interpolation networks in models/catalog.json. */
    String CATALOG_TASK = "frame-interpolation";

    /**
     * A user-supplied ONNX interpolation network (see NeuralInterpolator's contract in docs/interpolation.md:
     * inputs frame0, frame1 [1, 3, H, W] RGB 0–1 and t, output the frame at t), with the classical scene-cut
     * and static-content guard in front of it.
     *
     * @throws ModelException if the file cannot be loaded or does not have that signature
     */
    static Interpolator neural(Path onnxFile, InterpolationSettings settings) {
        if (!Files.isRegularFile(onnxFile)) {
            throw new ModelNotFoundException("interpolation model " + onnxFile + " does not exist: check the path");
        }
        return NeuralInterpolator.open(OnnxSessions.open(onnxFile), onnxFile.toString(), settings);
    }

    /**
     * A network by catalog id (task {@value #CATALOG_TASK}, format onnx, fetched and verified) or, when
     * {@code idOrPath} ends in .onnx, by path.
     */
    static Interpolator neural(String idOrPath, CatalogModelLoader models, InterpolationSettings settings) {
        if (idOrPath.toLowerCase(Locale.ROOT).endsWith(".onnx") && models.catalog().find(idOrPath).isEmpty()) {
            return neural(Path.of(idOrPath), settings);
        }
        CatalogEntry entry = models.catalog().require(idOrPath);
        if (!CATALOG_TASK.equals(entry.task()) || !CatalogEntry.FORMAT_ONNX.equals(entry.format())) {
            throw new ModelException("model " + idOrPath + " is a " + entry.task() + " model in " + entry.format()
                    + " format; interpolation needs a '" + CATALOG_TASK + "' model in onnx format");
        }
        models.store().requireAll(entry);
        ModelFile file = entry.file(ModelFile.MODEL).orElseThrow(() -> new ModelException(
                "catalog entry " + idOrPath + " has no file with role 'model'"));
        return NeuralInterpolator.open(OnnxSessions.open(models.store().require(entry, file)), entry.id(), settings);
    }

    /**
     * Measures the motion between two pictures of the same size and type (grey, BGR or BGRA, 8 or 16 bits).
     * The pair reads both pictures on every call to {@link InterpolationPair#at}: keep them open until the
     * pair is closed.
     */
    InterpolationPair prepare(Mat first, Mat second);

    /** One frame at time t in [0, 1]; the caller owns the result. */
    default Mat interpolate(Mat first, Mat second, double t) {
        try (InterpolationPair pair = prepare(first, second)) {
            return pair.at(t);
        }
    }

    @Override
    default void close() {
    }
}

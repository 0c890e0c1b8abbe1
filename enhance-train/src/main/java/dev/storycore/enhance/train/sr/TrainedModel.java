package dev.storycore.enhance.train.sr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The card written beside an exported model: what it is, how it was made and what it scores — the facts a
 * catalog entry needs (SHA-256, recipe, seed, data, measured PSNR).
 *
 * @param psnr        mean Y-PSNR of the exported ONNX model run by ONNX Runtime on the validation pictures
 * @param bicubicPsnr OpenCV bicubic on the same low-resolution inputs
 */
public record TrainedModel(String id, String file, long bytes, String sha256, int scale, TrainingRecipe recipe,
                           int steps, double trainSeconds, int skippedSteps, String validation, double psnr,
                           double bicubicPsnr) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    void write(Path path) {
        try {
            JSON.writeValue(path.toFile(), this);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    public static TrainedModel read(Path path) {
        try {
            return JSON.readValue(path.toFile(), TrainedModel.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }
}

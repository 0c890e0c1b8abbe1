package dev.storycore.enhance.train.sr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run has measured so far: the loss curve, the validation PSNR curve, skipped steps and time.
 * Saved as JSON beside the checkpoint and drawn by {@link CurvePlot}.
 */
public final class TrainingHistory {
    /**
     * Mean training loss over the steps up to {@code step}, and the loss plain bicubic has on the same
     * patches: their ratio is free of the noise of which patches were drawn (below 1 = better than bicubic).
     */
    public record LossPoint(int step, double loss, double bicubicLoss) {
        public double ratio() {
            return loss / bicubicLoss;
        }
    }

    /** Mean Y-PSNR (dB) on the validation pictures after {@code step} steps. */
    public record ValidationPoint(int step, double psnr, double trainSeconds) {
    }

    public TrainingRecipe recipe;
    public double bicubicPsnr = Double.NaN;
    public List<LossPoint> loss = new ArrayList<>();
    public List<ValidationPoint> validation = new ArrayList<>();
    public int skippedSteps;
    public double trainSeconds;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static TrainingHistory read(Path file) {
        try {
            return JSON.readValue(file.toFile(), TrainingHistory.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read training history " + file, e);
        }
    }

    void write(Path file) {
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            JSON.writeValue(tmp.toFile(), this);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write training history " + file, e);
        }
    }

    /** Drops points recorded after {@code step} (a run resumed from an older checkpoint repeats them). */
    void truncateAfter(int step) {
        loss.removeIf(p -> p.step() > step);
        validation.removeIf(p -> p.step() > step);
    }

    double lastPsnr() {
        return validation.isEmpty() ? Double.NaN : validation.get(validation.size() - 1).psnr();
    }
}

package dev.storycore.enhance.train.sr;

import dev.storycore.enhance.errors.InvalidInputException;
import java.util.List;

/**
 * Everything that determines a training run's result; recorded beside the weights and in the catalog so
 * the run can be repeated.
 *
 * @param spec           the network
 * @param seed           seeds weight initialisation and the patch sequence (step k draws from seed and k)
 * @param batchSize      patches per step
 * @param lrPatch        low-resolution patch edge in pixels (the HR patch is {@code lrPatch · scale})
 * @param learningRate   Adam's peak learning rate
 * @param warmupSteps    linear warm-up from 0 to the peak
 * @param finalLrFactor  the cosine decay ends at {@code learningRate · finalLrFactor}
 * @param steps          planned optimizer steps (the schedule's length); 0 = fit to the time budget
 * @param dataFolders    training pictures (never evaluation sets)
 */
public record TrainingRecipe(NetworkSpec spec, long seed, int batchSize, int lrPatch, float learningRate,
                             int warmupSteps, float finalLrFactor, int steps, List<String> dataFolders) {
    /** The loss, fixed: Charbonnier (a smooth L1) with this ε on [0, 1] pixel values. */
    public static final float CHARBONNIER_EPSILON = 1e-3f;

    public TrainingRecipe {
        if (batchSize < 1 || lrPatch < 8 || steps < 0 || warmupSteps < 0 || !(learningRate > 0)
                || !(finalLrFactor > 0 && finalLrFactor <= 1)) {
            throw new InvalidInputException("invalid training recipe: batch " + batchSize + ", patch " + lrPatch
                    + ", steps " + steps + ", warm-up " + warmupSteps + ", lr " + learningRate
                    + ", final lr factor " + finalLrFactor);
        }
        dataFolders = List.copyOf(dataFolders);
    }

    /** The defaults per preset: what the shipped models are trained with. */
    public static TrainingRecipe defaults(NetworkSpec spec, int steps, List<String> dataFolders) {
        boolean quality = spec.residualBlocks() > 0;
        int patch = spec.scale() >= 4 ? 32 : 48;
        return new TrainingRecipe(spec, 20240601L, 16, patch, quality ? 5e-4f : 1e-3f,
                Math.min(200, Math.max(1, steps / 20)), 0.02f, steps, dataFolders);
    }

    public TrainingRecipe withSteps(int newSteps) {
        return new TrainingRecipe(spec, seed, batchSize, lrPatch, learningRate,
                Math.min(warmupSteps, Math.max(1, newSteps / 20)), finalLrFactor, newSteps, dataFolders);
    }

    /** Linear warm-up, then cosine decay to {@code learningRate · finalLrFactor} at {@link #steps}. */
    public float learningRateAt(int step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        double progress = Math.min(1.0, (double) (step - warmupSteps) / Math.max(1, steps - warmupSteps));
        double floor = learningRate * finalLrFactor;
        return (float) (floor + (learningRate - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}

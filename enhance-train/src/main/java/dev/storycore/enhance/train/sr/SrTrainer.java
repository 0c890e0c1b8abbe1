package dev.storycore.enhance.train.sr;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ValueRange;
import dev.storycore.enhance.model.onnx.OnnxImageModel;
import dev.storycore.enhance.train.OfflinePyTorch;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.BooleanSupplier;

/**
 * Trains one super-resolution network: random patches, Charbonnier loss, resumable Adam with warm-up and
 * cosine decay, a finiteness check of every step's gradients (a bad step is skipped and counted),
 * periodic checkpoints and validation, and the curve plot — all in {@link Options#outDir()}.
 */
public final class SrTrainer {
    static final String CHECKPOINT = "checkpoint.bin";
    static final String HISTORY = "history.json";
    static final String PLOT = "curves.png";
    private static final int MAGIC = 0x53435352; // "SCSR"
    private static final int FORMAT = 1;
    private static final int LOSS_EVERY = 10;
    private static final int SPEED_PROBE_STEPS = 20;

    /**
     * @param recipe          what to train; {@code steps == 0} fits the schedule to {@code budget}
     * @param outDir          checkpoint, history, plot and exported model
     * @param validation      held-out pictures scored during training (null: none)
     * @param budget          wall-clock training time for this invocation (null: until the schedule ends)
     * @param validateEvery   training time between validations
     * @param checkpointEvery training time between checkpoints
     * @param fresh           ignore an existing checkpoint
     * @param lowResCache     folder keeping the shrunk training pictures between runs (null: none)
     */
    public record Options(TrainingRecipe recipe, Path outDir, Path validation, Duration budget,
                          Duration validateEvery, Duration checkpointEvery, boolean fresh, Path lowResCache) {
        public Options {
            if (recipe.steps() == 0 && budget == null) {
                throw new InvalidInputException("give --steps or --minutes: the learning-rate schedule needs a length");
            }
        }
    }

    /** Where a run stands when {@link #train} returns. */
    /**
     * @param firstLossRatio training loss ÷ bicubic's loss over the first logged steps of the run
     * @param lastLossRatio  the same over the last logged steps
     */
    public record Result(int step, int plannedSteps, boolean complete, double firstLossRatio, double lastLossRatio,
                         double psnr, double bicubicPsnr, int skippedSteps, Path outDir) {
    }

    private final Options options;
    private final PrintStream log;
    private final BooleanSupplier stopRequested;

    public SrTrainer(Options options, PrintStream log, BooleanSupplier stopRequested) {
        this.options = options;
        this.log = log;
        this.stopRequested = stopRequested;
    }

    public Result train() {
        TrainingRecipe recipe = options.recipe();
        NetworkSpec spec = recipe.spec();
        List<Path> folders = recipe.dataFolders().stream().map(Path::of).toList();
        PictureFiles.requireNotEvaluationData(folders);
        createDirectories(options.outDir());
        Engine engine = OfflinePyTorch.engine();
        engine.setRandomSeed((int) recipe.seed());
        try (NDManager manager = engine.newBaseManager()) {
            SrNetwork net = new SrNetwork(spec);
            net.initialize(manager, DataType.FLOAT32, new Shape(recipe.batchSize(), 3, recipe.lrPatch(), recipe.lrPatch()));
            ParameterStore store = new ParameterStore(manager, false);
            try (ResumableAdam adam = new ResumableAdam(manager, net.learnedParameters());
                 Validation validation = options.validation() == null ? null
                         : Validation.load(options.validation(), spec.scale())) {
                TrainingHistory history = new TrainingHistory();
                history.recipe = recipe;
                int step = resume(adam, history);
                recipe = history.recipe;
                log.printf(Locale.ROOT, "%s: %s, %,d MACs per input pixel, %s%n", spec.modelId(), spec,
                        spec.macsPerInputPixel(), step > 0 ? "resuming at step " + step : "starting");
                List<TrainingPicture> pictures = loadPictures(folders, spec.scale(), recipe.lrPatch());
                if (validation != null && Double.isNaN(history.bicubicPsnr)) {
                    history.bicubicPsnr = validation.bicubicPsnr();
                    log.printf(Locale.ROOT, "validation: %d pictures, bicubic %.3f dB%n", validation.size(),
                            history.bicubicPsnr);
                }
                if (validation != null && history.validation.isEmpty()) {
                    validate(net, store, manager, validation, history, step);
                }
                return loop(net, store, manager, adam, validation, history, pictures, step);
            }
        }
    }

    private Result loop(SrNetwork net, ParameterStore store, NDManager manager, ResumableAdam adam,
                        Validation validation, TrainingHistory history, List<TrainingPicture> pictures, int step) {
        TrainingRecipe recipe = history.recipe;
        long start = System.nanoTime();
        double secondsAtStart = history.trainSeconds;
        double lastValidation = history.trainSeconds;
        double lastCheckpoint = history.trainSeconds;
        double lastLog = 0;
        double lossSum = 0;
        double bicubicSum = 0;
        int lossCount = 0;
        double lastLoss = Double.NaN;
        int stepAtStart = step;
        double cpuAtStart = processCpuSeconds();
        try (PatchBatch batch = new PatchBatch(manager, recipe.batchSize(), recipe.lrPatch(), recipe.spec().scale())) {
            while (recipe.steps() == 0 || step < recipe.steps()) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                if (stopRequested.getAsBoolean() || options.budget() != null
                        && elapsed >= options.budget().toSeconds()) {
                    break;
                }
                batch.fill(pictures, new Random(recipe.seed() * 1_000_003L + step));
                float lr = recipe.steps() == 0 ? recipe.learningRate() * (step + 1f) / 200f // speed probe: early warm-up
                        : recipe.learningRateAt(step);
                double[] losses = trainStep(net, store, manager, adam, batch, lr);
                double loss = losses[0];
                step++;
                if (Double.isNaN(loss)) {
                    history.skippedSteps++;
                    log.printf(Locale.ROOT, "step %d: non-finite gradients, step skipped (%d so far)%n", step,
                            history.skippedSteps);
                } else {
                    lossSum += loss;
                    bicubicSum += losses[1];
                    lossCount++;
                    lastLoss = loss;
                }
                if (lossCount >= LOSS_EVERY) {
                    history.loss.add(new TrainingHistory.LossPoint(step, lossSum / lossCount, bicubicSum / lossCount));
                    lossSum = 0;
                    bicubicSum = 0;
                    lossCount = 0;
                }
                history.trainSeconds = secondsAtStart + (System.nanoTime() - start) / 1e9;
                if (recipe.steps() == 0 && step - stepAtStart == SPEED_PROBE_STEPS) {
                    recipe = fitScheduleToBudget(recipe, step, (history.trainSeconds - secondsAtStart) / SPEED_PROBE_STEPS);
                    history.recipe = recipe;
                }
                if (history.trainSeconds - lastLog >= 30) {
                    lastLog = history.trainSeconds;
                    // CPU seconds per step do not depend on how busy the machine is: they size full trainings.
                    TrainingHistory.LossPoint last = history.loss.isEmpty() ? null
                            : history.loss.get(history.loss.size() - 1);
                    log.printf(Locale.ROOT, "step %d/%d  loss %.5f (%.3f of bicubic's)  lr %.2e  %.2f steps/s"
                                    + "  %.3f cpu-s/step  skipped %d%n",
                            step, recipe.steps(), last == null ? lastLoss : last.loss(),
                            last == null ? Double.NaN : last.ratio(), lr, (step - stepAtStart) / (history.trainSeconds - secondsAtStart),
                            (processCpuSeconds() - cpuAtStart) / (step - stepAtStart), history.skippedSteps);
                }
                if (validation != null && history.trainSeconds - lastValidation >= options.validateEvery().toSeconds()) {
                    lastValidation = history.trainSeconds;
                    validate(net, store, manager, validation, history, step);
                }
                if (history.trainSeconds - lastCheckpoint >= options.checkpointEvery().toSeconds()) {
                    lastCheckpoint = history.trainSeconds;
                    checkpoint(adam, history, step);
                }
            }
        }
        if (lossCount > 0) {
            history.loss.add(new TrainingHistory.LossPoint(step, lossSum / lossCount, bicubicSum / lossCount));
        }
        boolean complete = recipe.steps() > 0 && step >= recipe.steps();
        if (validation != null && (history.validation.isEmpty()
                || history.validation.get(history.validation.size() - 1).step() != step)) {
            validate(net, store, manager, validation, history, step);
        }
        checkpoint(adam, history, step);
        if (complete) {
            TrainedModel card = export(net, validation, history, step);
            log.printf(Locale.ROOT, "exported %s (%,d bytes, sha256 %s): ONNX Runtime on validation %.3f dB%n",
                    card.file(), card.bytes(), card.sha256(), card.psnr());
        }
        log.printf(Locale.ROOT, "%s at step %d/%d after %.0f s of training%s%n", complete ? "finished" : "stopped",
                step, recipe.steps(), history.trainSeconds,
                complete ? "" : "; run the same command again to resume");
        double firstRatio = history.loss.isEmpty() ? Double.NaN : history.loss.get(0).ratio();
        double lastRatio = history.loss.isEmpty() ? Double.NaN : history.loss.get(history.loss.size() - 1).ratio();
        return new Result(step, recipe.steps(), complete, firstRatio, lastRatio, history.lastPsnr(),
                history.bicubicPsnr, history.skippedSteps, options.outDir());
    }

    /**
     * Writes {@code <model id>.onnx} and its card {@code <model id>.json}; the PSNR on the card is measured on
     * the exported file through ONNX Runtime, the way the product will run it.
     */
    private TrainedModel export(SrNetwork net, Validation validation, TrainingHistory history, int step) {
        NetworkSpec spec = history.recipe.spec();
        Path file = options.outDir().resolve(spec.modelId() + ".onnx");
        OnnxExport.write(net, Map.of("storycore.steps", Integer.toString(step),
                "storycore.seed", Long.toString(history.recipe.seed())), file);
        double psnr = Double.NaN;
        if (validation != null) {
            try (OnnxImageModel model = OnnxImageModel.open(file, spec.modelId(), spec.scale(), ValueRange.UNIT,
                    128, OnnxExport.INPUT, OnnxExport.OUTPUT)) {
                psnr = validation.psnr(model::run);
            }
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            TrainedModel card = new TrainedModel(spec.modelId(), file.getFileName().toString(), bytes.length, sha,
                    spec.scale(), history.recipe, step, history.trainSeconds, history.skippedSteps,
                    options.validation() == null ? null : options.validation().toString(), psnr, history.bicubicPsnr);
            card.write(options.outDir().resolve(spec.modelId() + ".json"));
            return card;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + file, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One optimizer step; returns {loss, bicubic loss on the same patches}, or a NaN loss when the step was
     * skipped for non-finite gradients.
     */
    private static double[] trainStep(SrNetwork net, ParameterStore store, NDManager manager, ResumableAdam adam,
                                      PatchBatch batch, float lr) {
        double loss;
        double bicubicLoss;
        try (NDManager scope = manager.newSubManager()) {
            // Results of operations land in the manager of their first operand: lend the batch arrays to
            // this step's scope so every intermediate array is freed when the step ends.
            batch.lowRes().tempAttach(scope);
            batch.highRes().tempAttach(scope);
            try (GradientCollector collector = scope.getEngine().newGradientCollector()) {
                NDArray prediction = net.forward(store, new NDList(batch.lowRes()), true).singletonOrThrow();
                NDArray value = charbonnier(prediction, batch.highRes());
                collector.backward(value);
                loss = value.getFloat();
            }
            bicubicLoss = charbonnier(net.bicubic(batch.lowRes()), batch.highRes()).getFloat();
        }
        double norm = adam.gradientNorm();
        if (!Double.isFinite(loss) || !ResumableAdam.gradientsFinite(norm)) {
            adam.clearGradients();
            return new double[] {Double.NaN, bicubicLoss};
        }
        adam.update(lr);
        return new double[] {loss, bicubicLoss};
    }

    static NDArray charbonnier(NDArray prediction, NDArray target) {
        float eps2 = TrainingRecipe.CHARBONNIER_EPSILON * TrainingRecipe.CHARBONNIER_EPSILON;
        return prediction.sub(target).square().add(eps2).sqrt().mean();
    }

    private TrainingRecipe fitScheduleToBudget(TrainingRecipe recipe, int step, double secondsPerStep) {
        double budget = options.budget().toSeconds();
        // Validation and checkpoints take a little of the budget; keep 8 % for them.
        int steps = Math.max(step + 1, (int) (budget * 0.92 / secondsPerStep));
        log.printf(Locale.ROOT, "%.3f s per step: the %.1f-minute budget fits %d steps%n", secondsPerStep,
                budget / 60, steps);
        return recipe.withSteps(steps);
    }

    private void validate(SrNetwork net, ParameterStore store, NDManager manager, Validation validation,
                          TrainingHistory history, int step) {
        double psnr = validation.psnr(lr -> infer(net, store, manager, lr));
        history.validation.add(new TrainingHistory.ValidationPoint(step, psnr, history.trainSeconds));
        log.printf(Locale.ROOT, "step %d: validation %.3f dB (bicubic %.3f, %+.3f dB)%n", step, psnr,
                history.bicubicPsnr, psnr - history.bicubicPsnr);
    }

    /** Runs the network in inference mode on one picture. */
    static FloatTensor infer(SrNetwork net, ParameterStore store, NDManager manager, FloatTensor lowRes) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = scope.create(lowRes.data(), new Shape(lowRes.shape()));
            NDArray y = net.forward(store, new NDList(x), false).singletonOrThrow();
            return new FloatTensor(y.toFloatArray(), y.getShape().getShape());
        }
    }

    private int resume(ResumableAdam adam, TrainingHistory history) {
        Path file = options.outDir().resolve(CHECKPOINT);
        if (options.fresh() || !Files.exists(file)) {
            return 0;
        }
        TrainingHistory saved = TrainingHistory.read(options.outDir().resolve(HISTORY));
        if (!saved.recipe.spec().equals(options.recipe().spec())) {
            throw new InvalidInputException("the checkpoint in " + options.outDir() + " belongs to "
                    + saved.recipe.spec() + ", not " + options.recipe().spec() + ": pass --fresh to start over"
                    + " or choose another --out");
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new InvalidInputException(file + " is not a StoryCore training checkpoint: pass --fresh");
            }
            int step = in.readInt();
            adam.load(in);
            saved.truncateAfter(step);
            history.recipe = saved.recipe;
            history.bicubicPsnr = saved.bicubicPsnr;
            history.loss = saved.loss;
            history.validation = saved.validation;
            history.skippedSteps = saved.skippedSteps;
            history.trainSeconds = saved.trainSeconds;
            return step;
        } catch (IOException e) {
            throw new InvalidInputException("cannot resume from " + file + " (" + e.getMessage()
                    + "): pass --fresh to start over", e);
        }
    }

    private void checkpoint(ResumableAdam adam, TrainingHistory history, int step) {
        Path dir = options.outDir();
        Path file = dir.resolve(CHECKPOINT);
        Path tmp = dir.resolve(CHECKPOINT + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeInt(MAGIC);
            out.writeInt(FORMAT);
            out.writeInt(step);
            adam.save(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + tmp, e);
        }
        history.write(dir.resolve(HISTORY));
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write checkpoint " + file, e);
        }
        CurvePlot.write(history, dir.resolve(PLOT));
    }

    private List<TrainingPicture> loadPictures(List<Path> folders, int scale, int lrPatch) {
        List<TrainingPicture> pictures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (Path file : PictureFiles.list(folders)) {
            TrainingPicture p = PictureFiles.load(file, scale, options.lowResCache());
            if (p.lrWidth() >= lrPatch && p.lrHeight() >= lrPatch) {
                pictures.add(p);
            }
        }
        if (pictures.isEmpty()) {
            throw new InvalidInputException("no training picture in " + folders + " is large enough for a "
                    + lrPatch * scale + "-pixel patch");
        }
        log.printf(Locale.ROOT, "training data: %d pictures from %s (%.1f s)%n", pictures.size(), folders,
                (System.nanoTime() - t0) / 1e9);
        return pictures;
    }

    private static double processCpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
    }

    private static void createDirectories(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }
}

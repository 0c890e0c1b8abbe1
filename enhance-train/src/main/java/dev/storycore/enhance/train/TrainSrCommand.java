package dev.storycore.enhance.train;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.train.sr.NetworkSpec;
import dev.storycore.enhance.train.sr.SrTrainer;
import dev.storycore.enhance.train.sr.TrainingRecipe;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storycore train sr}: trains one super-resolution network and exports it to ONNX when done. */
@Command(name = "sr",
        mixinStandardHelpOptions = true,
        header = "Train a super-resolution network (residual over bicubic, pixel shuffle).",
        description = {
            "",
            "Writes checkpoint.bin, history.json and curves.png to --out; when the schedule completes,",
            "also the ONNX model and its recipe. Ctrl-C checkpoints and stops; the same command resumes.",
            ""
        })
final class TrainSrCommand implements Callable<Integer> {
    @Option(names = "--scale", required = true, description = "upscaling factor: 2, 3, 4 or 8")
    int scale;

    @Option(names = "--preset", defaultValue = "fast", description = "fast or quality (default: ${DEFAULT-VALUE})")
    String preset;

    @Option(names = "--minutes", description = "training time for this invocation; alone, it also sets the schedule length")
    Double minutes;

    @Option(names = "--steps", description = "schedule length in optimizer steps (reproducible; overrides the fit to --minutes)")
    Integer steps;

    @Option(names = "--data", split = ",", description = "training picture folders (default: ../shared/data/train/urban100,sunhays80)")
    List<Path> data;

    @Option(names = "--validation", description = "held-out pictures scored during training (default: ../shared/data/sr/Set5); 'none' to skip")
    String validation;

    @Option(names = "--out", description = "run folder (default: storycore-data/train/<model id>)")
    Path out;

    @Option(names = "--seed", description = "random seed (default: the preset's)")
    Long seed;

    @Option(names = "--batch", description = "patches per step (default: 16)")
    Integer batch;

    @Option(names = "--patch", description = "low-resolution patch edge (default: 48, 32 from x4)")
    Integer patch;

    @Option(names = "--lr", description = "peak learning rate (default: 1e-3 fast, 5e-4 quality)")
    Float learningRate;

    @Option(names = "--validate-every", defaultValue = "3", description = "minutes of training between validations (default: ${DEFAULT-VALUE})")
    double validateEvery;

    @Option(names = "--checkpoint-every", defaultValue = "2", description = "minutes between checkpoints (default: ${DEFAULT-VALUE})")
    double checkpointEvery;

    @Option(names = "--threads", description = "PyTorch threads (default: all cores; 1 is far faster on a busy machine)")
    Integer threads;

    @Option(names = "--fresh", description = "ignore an existing checkpoint in --out and start over")
    boolean fresh;

    @Override
    public Integer call() {
        if (threads != null) {
            if (threads < 1) {
                throw new InvalidInputException("--threads must be at least 1, got " + threads);
            }
            // Read by DJL when the engine starts, which happens below.
            System.setProperty("ai.djl.pytorch.num_threads", threads.toString());
            System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        }
        Path home = Path.of(System.getenv().getOrDefault("STORYCORE_HOME", ".")).toAbsolutePath().normalize();
        NetworkSpec spec = NetworkSpec.preset(preset, scale);
        Path shared = SharedData.folder(home);
        List<Path> folders = data != null ? data : List.of(shared.resolve("train/urban100"),
                shared.resolve("train/sunhays80"));
        TrainingRecipe recipe = TrainingRecipe.defaults(spec, steps == null ? 0 : steps,
                folders.stream().map(Path::toString).toList());
        recipe = new TrainingRecipe(spec, seed != null ? seed : recipe.seed(), batch != null ? batch : recipe.batchSize(),
                patch != null ? patch : recipe.lrPatch(), learningRate != null ? learningRate : recipe.learningRate(),
                recipe.warmupSteps(), recipe.finalLrFactor(), recipe.steps(), recipe.dataFolders());
        Path validationFolder = validationFolder(shared);
        Path outDir = out != null ? out : home.resolve("storycore-data/train/" + spec.modelId());
        Duration budget = minutes == null ? null : Duration.ofMillis(Math.round(minutes * 60_000));
        SrTrainer.Options options = new SrTrainer.Options(recipe, outDir, validationFolder, budget,
                minutesToDuration(validateEvery), minutesToDuration(checkpointEvery), fresh,
                home.resolve("storycore-data/train/cache"));

        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.set(true);
            try {
                done.await(2, TimeUnit.MINUTES); // let the loop write its checkpoint
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "train-checkpoint-on-exit");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintStream log = System.err;
        try {
            SrTrainer.Result r = new SrTrainer(options, log, stop::get).train();
            System.out.printf(Locale.ROOT, "%s: step %d/%d%s, loss / bicubic's loss %.3f -> %.3f, validation %.3f dB (bicubic %.3f,"
                            + " %+.3f dB), %d skipped steps, run folder %s%n", spec.modelId(), r.step(), r.plannedSteps(),
                    r.complete() ? " (complete)" : "", r.firstLossRatio(), r.lastLossRatio(), r.psnr(), r.bicubicPsnr(),
                    r.psnr() - r.bicubicPsnr(), r.skippedSteps(), r.outDir());
            return 0;
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is already exiting (Ctrl-C): the hook has seen the checkpoint finish
            }
        }
    }

    private Path validationFolder(Path shared) {
        if ("none".equals(validation)) {
            return null;
        }
        Path folder = validation != null ? Path.of(validation) : shared.resolve("sr/Set5");
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("validation folder " + folder + " does not exist: pass --validation DIR"
                    + " or --validation none");
        }
        return folder;
    }

    private static Duration minutesToDuration(double m) {
        return Duration.ofMillis(Math.round(m * 60_000));
    }
}

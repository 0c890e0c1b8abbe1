package dev.storycore.enhance.cli;

import dev.storycore.enhance.errors.EnhanceException;
import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.ops.upscale.SuperResolution;
import dev.storycore.enhance.ops.upscale.UpscaleConfig;
import dev.storycore.enhance.pipeline.CancellationToken;
import dev.storycore.enhance.video.OutputOptions;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code storycore demo}: the first thing a newcomer runs. Fetches the default models when npm is
 * there, enhances the bundled sample clip x2 into an MP4, and prints what it measured.
 */
@Command(name = "demo",
        mixinStandardHelpOptions = true,
        header = "Enhance the bundled sample clip x2 and print the measured figures.",
        description = {
            "Fetches the default models first when they are missing and npm is installed; without npm it runs on",
            "the classical path (Lanczos) and says how to get the models.",
            ""
        },
        footer = ExitCodes.FOOTER)
final class DemoCommand implements Callable<Integer> {
    private static final String VIDEO_NAME = "(?i).*\\.(mp4|mkv|mov|avi|webm)$";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ModelDirOption modelDir;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Where to write the result (default: out/demo.x2.mp4 in the project folder).")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter out = spec.commandLine().getOut();
        Path home = home();
        Path clip = sampleClip(home);
        Path target = output != null ? output : home.resolve("out").resolve("demo.x2.mp4");
        CatalogModelLoader loader = modelDir.loader();
        ensureDefaultModels(loader, err);

        CancellationToken token = new CancellationToken();
        EnhanceSummary summary;
        ProgressBar bar = ProgressBar.forStderr(err, "frames");
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(token);
             SuperResolution op = SuperResolution.create(UpscaleConfig.x(2), loader)) {
            createParent(target);
            err.println("demo: enhancing " + home.relativize(clip) + " x2 -> " + target);
            err.flush();
            summary = new Enhancer(op, OutputOptions.defaults(), token, unit -> bar, notice -> {
                bar.done();
                err.println(notice);
                err.flush();
            }).run(clip, target, "x2");
        } finally {
            bar.done();
        }
        summary.warnings().forEach(w -> err.println("warning: " + w));
        err.flush();
        out.print(summary.toText());
        out.println("demo: done; open " + summary.output() + " in any video player.");
        if (summary.fallbackReason() != null) {
            out.println("demo: this ran on the classical path. For the neural model: install Node.js (npm), then run"
                    + " ./storycore models fetch and ./storycore demo again.");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Fetches missing default models with npm; without npm (or when fetching fails) says so and goes on. */
    private static void ensureDefaultModels(CatalogModelLoader loader, PrintWriter err) {
        List<CatalogEntry> defaults = loader.catalog().defaults();
        List<CatalogEntry> missing = defaults.stream().filter(e -> !loader.store().isAvailable(e)).toList();
        if (missing.isEmpty()) {
            return;
        }
        if (!onPath("npm", System.getenv("PATH"))) {
            err.println("demo: npm was not found, so the default models cannot be fetched; running on the classical"
                    + " path (Lanczos). To get them: install Node.js with npm, then run ./storycore models fetch");
            err.flush();
            return;
        }
        try {
            loader.store().fetch(missing, spec -> {
                err.println("demo: fetching " + spec + " with npm into " + loader.store().dir() + " ...");
                err.flush();
            });
        } catch (EnhanceException e) {
            err.println("demo: could not fetch the default models (" + e.getMessage() + "); running on the classical"
                    + " path. Retry later with ./storycore models fetch");
            err.flush();
        }
    }

    /** The project folder: where the launcher lives ($STORYCORE_HOME), else the working directory. */
    static Path home() {
        String env = System.getenv("STORYCORE_HOME");
        return (env != null && !env.isBlank() ? Path.of(env) : Path.of("")).toAbsolutePath().normalize();
    }

    static Path sampleClip(Path home) {
        Path samples = home.resolve("samples");
        if (Files.isDirectory(samples)) {
            try (Stream<Path> files = Files.list(samples)) {
                var clip = files.filter(p -> p.getFileName().toString().matches(VIDEO_NAME)).sorted().findFirst();
                if (clip.isPresent()) {
                    return clip.get();
                }
            } catch (IOException e) {
                throw new InvalidInputException("cannot list " + samples + ": " + e.getMessage(), e);
            }
        }
        throw new InvalidInputException("no sample clip under " + samples + ": run the demo from the project folder"
                + " (./storycore demo), or set STORYCORE_HOME to it");
    }

    static boolean onPath(String program, String path) {
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static void createParent(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create " + parent + " (" + e.getMessage() + "): pass -o", e);
        }
    }
}

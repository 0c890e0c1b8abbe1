package dev.storycore.enhance.cli;

import dev.storycore.enhance.bench.PipelineEfficiency;
import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.ops.upscale.Quality;
import dev.storycore.enhance.ops.upscale.SuperResolution;
import dev.storycore.enhance.ops.upscale.UpscaleConfig;
import dev.storycore.enhance.ops.upscale.UpscaleReport;
import dev.storycore.enhance.pipeline.StageTiming;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaWriter;
import dev.storycore.enhance.video.OutputOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storycore bench pipeline}: does the pipeline keep the model busy? */
@Command(name = "pipeline",
        mixinStandardHelpOptions = true,
        header = "Throughput of a full enhance run against bare super-resolution on the same decoded frames.",
        description = {
            "Bare: the first N frames are decoded into memory, then only the upscale operation is timed over them.",
            "Pipeline: decode -> upscale -> H.264 encode to a temporary MP4, timed end to end.",
            "Peers alternate, each runs --runs times; prints medians and pipeline/bare (target >= 0.85).",
            ""
        },
        footer = ExitCodes.FOOTER,
        sortOptions = false)
final class BenchPipelineCommand implements Callable<Integer> {
    static final double TARGET = 0.85;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ModelDirOption modelDir;

    @Option(names = "--video", required = true, paramLabel = "FILE", description = "The video to enhance.")
    Path video;

    @Option(names = "--upscale", paramLabel = "N", defaultValue = "2", description = "Factor (default ${DEFAULT-VALUE}).")
    int upscale;

    @Option(names = "--model", paramLabel = "ID", description = "Model id (default: the standard quality level's).")
    String model;

    @Option(names = "--quality", paramLabel = "LEVEL", defaultValue = "standard",
            description = "preview, standard, high or maximum (default ${DEFAULT-VALUE}).")
    String quality;

    @Option(names = "--tile", paramLabel = "SIZE", description = "Tile edge in input pixels.")
    Integer tile;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "30", description = "Frames from the start (default ${DEFAULT-VALUE}).")
    int frames;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3", description = "Runs per peer (default ${DEFAULT-VALUE}).")
    int runs;

    @Override
    public Integer call() throws IOException {
        UpscaleConfig config;
        try {
            UpscaleConfig.Builder b = UpscaleConfig.builder().scale(upscale).quality(Quality.parse(quality)).model(model);
            if (tile != null) {
                b.tile(tile);
            }
            config = b.build();
        } catch (InvalidInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        PrintWriter out = spec.commandLine().getOut();
        Path tmp = Files.createTempDirectory("storycore-bench-pipeline");
        AtomicInteger n = new AtomicInteger();
        try (SuperResolution op = SuperResolution.create(config, modelDir.loader())) {
            var probe = MediaReader.probe(video).video();
            UpscaleReport plan = op.prepare(new Size(probe.width(), probe.height()));
            spec.commandLine().getErr().println("bench pipeline: " + runs + " runs per peer on " + frames
                    + " frames; method " + plan.describe());
            spec.commandLine().getErr().flush();
            PipelineEfficiency.Result r = PipelineEfficiency.measure(() -> MediaReader.open(video), op,
                    info -> MediaWriter.open(tmp.resolve("run-" + n.incrementAndGet() + ".mp4"),
                            OutputOptions.defaults().withFrameRate(info.frameRate().isZero() ? null : info.frameRate())),
                    runs, frames);
            print(out, r, plan);
        } finally {
            deleteTree(tmp);
        }
        return ExitCodes.OK;
    }

    private void print(PrintWriter out, PipelineEfficiency.Result r, UpscaleReport plan) {
        out.printf(Locale.ROOT, "input: %s (%dx%d), %d frames; output %dx%d%n", video, r.input().width(),
                r.input().height(), r.bare().get(0).frames(), r.output().width(), r.output().height());
        out.printf(Locale.ROOT, "method: %s%n", plan.describe());
        out.printf(Locale.ROOT, "machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));
        out.printf(Locale.ROOT, "%-9s %s  median fps%n", "peer", "fps per run");
        row(out, "bare", r.bare(), r.bareFps());
        row(out, "pipeline", r.pipeline(), r.pipelineFps());
        out.printf(Locale.ROOT, "ratio pipeline/bare: %.3f (target >= %.2f: %s)%n", r.ratio(), TARGET,
                r.ratio() >= TARGET ? "met" : "NOT met");
        StringBuilder s = new StringBuilder("last pipeline run, busy seconds per stage:");
        for (StageTiming t : r.last().stages()) {
            s.append(String.format(Locale.ROOT, " %s %.2f", t.name(), t.busy().toNanos() / 1e9));
        }
        s.append("; bottleneck: ").append(r.last().bottleneck().name());
        out.println(s);
        out.flush();
    }

    private static void row(PrintWriter out, String peer, List<PipelineEfficiency.Run> runs, double median) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-9s", peer));
        for (PipelineEfficiency.Run run : runs) {
            s.append(String.format(Locale.ROOT, " %7.3f", run.fps()));
        }
        s.append(String.format(Locale.ROOT, "  %7.3f", median));
        out.println(s);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.storycore.enhance.cli;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import dev.storycore.enhance.bench.sr.SrMemoryBenchmark;
import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.ops.upscale.UpscaleConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code storycore bench sr-memory}: peak resident memory of super-resolving one large picture. */
@Command(name = "sr-memory", mixinStandardHelpOptions = true,
        header = "Peak memory of upscaling one large picture (default: 3840x2160 x2 with esrgan-slim; target < 3 GB).",
        description = {
            "Prints the process's resident high-water mark (VmHWM) after the run: JVM, OpenCV pictures and",
            "ONNX Runtime together. For an outside view run it under '/usr/bin/time -v'.",
            ""
        },
        footer = ExitCodes.FOOTER)
final class BenchSrMemoryCommand implements Callable<Integer> {
    @Option(names = "--input", paramLabel = "FILE", description = "Picture to upscale (default: a synthetic WIDTHxHEIGHT picture).")
    Path input;

    @Option(names = "--width", defaultValue = "3840", description = "Synthetic picture width (default: ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--height", defaultValue = "2160", description = "Synthetic picture height (default: ${DEFAULT-VALUE}).")
    int height;

    @Option(names = "--upscale", defaultValue = "2", description = "Factor (default: ${DEFAULT-VALUE}).")
    int scale;

    @Option(names = "--model", defaultValue = "esrgan-slim-x2", description = "Model id (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--tile", defaultValue = "0", description = "Tile edge in pixels (default: the model's own).")
    int tile;

    @Option(names = "--limit-gb", defaultValue = "3", description = "Target for peak resident memory in GB (default: ${DEFAULT-VALUE}).")
    double limitGb;

    @Mixin
    ModelDirOption modelDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        UpscaleConfig config = UpscaleConfig.builder().scale(scale).model(model).tile(tile)
                .allowClassicalFallback(false).build();
        try (Mat picture = picture()) {
            SrMemoryBenchmark.Result r = SrMemoryBenchmark.run(picture, config, modelDir.loader());
            PrintWriter out = spec.commandLine().getOut();
            out.println(r.text());
            if (r.peakRssBytes() > 0) {
                boolean within = r.peakRssBytes() < limitGb * 1e9;
                out.printf("target: peak resident memory < %.1f GB: %s%n", limitGb, within ? "MET" : "NOT MET");
            }
            out.flush();
        }
        return ExitCodes.OK;
    }

    private Mat picture() {
        if (input == null) {
            return SrMemoryBenchmark.syntheticPicture(width, height);
        }
        Mat m = imread(input.toString(), IMREAD_COLOR);
        if (m.empty()) {
            m.close();
            throw new InvalidInputException("cannot read " + input + " as a picture");
        }
        return m;
    }
}

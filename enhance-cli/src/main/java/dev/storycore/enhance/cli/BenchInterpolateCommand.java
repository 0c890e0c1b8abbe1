package dev.storycore.enhance.cli;

import dev.storycore.enhance.bench.interpolate.InterpolationBenchmark;
import dev.storycore.enhance.bench.interpolate.InterpolationReport;
import dev.storycore.enhance.ops.interpolate.InterpolationQuality;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storycore bench interpolate}: rebuild the odd frames of a clip from the even ones; score and time. */
@Command(name = "interpolate", mixinStandardHelpOptions = true,
        header = "Frame interpolation: rebuild every odd frame from the even ones; Y-PSNR, Y-SSIM and speed.",
        description = {
            "The even frames are kept and every odd frame is rebuilt at t = 0.5 of its pair by: frame duplication,",
            "a cross-fade, FFmpeg minterpolate (mi_mode=mci, in the same run) and ours at each quality level.",
            "Scores: mean Y-PSNR and Y-SSIM (BT.601 luma) of rebuilt vs real odd frames. Speed: median wall",
            "seconds per interpolated frame (minterpolate: its run beyond plain duplication, per frame) and",
            "process CPU seconds per frame.",
            "",
            "Example: storycore bench interpolate --video ../shared/data/video/vtest.avi --frames 101",
            ""
        },
        footer = ExitCodes.FOOTER, sortOptions = false)
final class BenchInterpolateCommand implements Callable<Integer> {
    @Option(names = "--video", required = true, paramLabel = "FILE", description = "The clip, e.g. ../shared/data/video/vtest.avi.")
    Path video;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "101",
            description = "Use the first N frames (default: ${DEFAULT-VALUE}; at least 3).")
    int frames;

    @Option(names = "--levels", paramLabel = "LIST", split = ",",
            description = "Our quality levels to run (default: preview,standard,high,maximum).")
    List<String> levels;

    @Option(names = "--no-peer", description = "Skip FFmpeg minterpolate.")
    boolean noPeer;

    @Option(names = "--save", paramLabel = "DIR", description = "Write every method's rebuild of the most-changing pair (and the real frame) as PNGs here.")
    Path save;

    @Option(names = "--repeats", paramLabel = "R", defaultValue = "1",
            description = "Time every method R times and report the median run (default: ${DEFAULT-VALUE}).")
    int repeats;

    @Option(names = "--order-check", paramLabel = "QUALITY",
            description = "Also compare interpolating before or after x2 super-resolution at this upscale quality"
                    + " (preview, standard, high, maximum) on the clip shrunk to half size.")
    String orderCheck;

    @CommandLine.Mixin
    ModelDirOption modelDir;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--repeats must be at least 1, got " + repeats);
        }
        if (frames < 3) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--frames must be at least 3, got " + frames);
        }
        List<InterpolationQuality> qs;
        try {
            qs = levels == null ? Arrays.asList(InterpolationQuality.values())
                    : levels.stream().map(InterpolationQuality::parse).toList();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintWriter err = spec.commandLine().getErr();
        dev.storycore.enhance.ops.upscale.Quality order = null;
        if (orderCheck != null) {
            try {
                order = dev.storycore.enhance.ops.upscale.Quality.parse(orderCheck);
            } catch (RuntimeException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
        }
        InterpolationReport report = new InterpolationBenchmark().run(video, frames, qs, !noPeer, save, order,
                order == null ? null : modelDir.loader(), repeats, BenchOutput.progress(err));
        BenchOutput.print(spec.commandLine().getOut(), json, report, report.table());
        return ExitCodes.OK;
    }
}

package dev.storycore.enhance.cli;

import dev.storycore.enhance.bench.sr.SrBenchReport;
import dev.storycore.enhance.bench.sr.SrBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code storycore bench sr}: super-resolution quality (PSNR/SSIM) and speed per method, same inputs. */
@Command(name = "sr", mixinStandardHelpOptions = true,
        header = "Super-resolution quality and speed: bicubic, Lanczos and the ESRGAN networks on Set5/Set14.",
        description = {
            "For each factor, every picture is cropped to a multiple of it and shrunk once with MATLAB-style",
            "antialiased bicubic; every method upscales that same input back. Scores: mean PSNR and SSIM on the",
            "BT.601 Y channel with <factor> pixels shaved at the border; speed: output megapixels per second.",
            "Networks that are not fetched are skipped with a note ('./storycore models fetch').",
            "",
            "Example: storycore bench sr --data ../shared/data/sr/Set5 --crops out/crops",
            ""
        },
        footer = ExitCodes.FOOTER)
final class BenchSrCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of high-resolution PNGs (e.g. ../shared/data/sr/Set5).")
    Path data;

    @Option(names = "--scales", split = ",", paramLabel = "N", defaultValue = "2,3,4", description = "Factors (default: ${DEFAULT-VALUE}).")
    List<Integer> scales;

    @Option(names = "--methods", split = ",", paramLabel = "NAME", defaultValue = "bicubic,lanczos,esrgan-slim,esrgan-medium",
            description = "Methods, from bicubic, lanczos, esrgan-slim, esrgan-medium, esrgan-thick, or onnx:FILE (an RGB [0,1] ONNX model, e.g. from ./storycore train) (default: ${DEFAULT-VALUE}).")
    List<String> methods;

    @Option(names = "--tile", paramLabel = "SIZE", defaultValue = "0", description = "Network tile edge in pixels (default: the model's own).")
    int tile;

    @Option(names = "--crops", paramLabel = "DIR", description = "Write side-by-side crops (each method | original) as PNGs here.")
    Path crops;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    boolean json;

    @Mixin
    ModelDirOption modelDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        for (int s : scales) {
            if (s < 2 || s > 8) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--scales: factors must be 2..8, got " + s);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        SrBenchReport report = new SrBenchmark(modelDir.loader())
                .run(data, scales, methods, tile, crops, BenchOutput.progress(err));
        PrintWriter out = spec.commandLine().getOut();
        String table = report.table() + (crops == null ? "" : "crops: " + crops.toAbsolutePath() + System.lineSeparator());
        BenchOutput.print(out, json, report, table);
        return ExitCodes.OK;
    }
}

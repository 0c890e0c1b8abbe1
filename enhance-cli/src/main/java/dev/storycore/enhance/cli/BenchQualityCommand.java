package dev.storycore.enhance.cli;

import dev.storycore.enhance.bench.quality.QualityBenchReport;
import dev.storycore.enhance.bench.quality.QualityBenchmark;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storycore bench quality}: the automatic quality mode against controlled degradations, and denoising peers. */
@Command(name = "quality", mixinStandardHelpOptions = true,
        header = "Quality corrections against controlled damage: PSNR/SSIM to the clean picture before and after.",
        description = {
            "Each clean picture is degraded with a fixed seed in seven classes (Gaussian noise sigma 15 and 25,",
            "JPEG quality 20, Gaussian blur sigma 1.5, a warm colour cast, halved contrast, 1.5 stops under-exposure);",
            "the automatic mode corrects it; mean RGB PSNR and SSIM against the clean picture are printed per class.",
            "At sigma 25 our NL-means denoiser runs beside FFmpeg nlmeans and hqdn3d (PSNR, SSIM, seconds per",
            "megapixel). Last, the analyser is timed on a 1920x1080 frame.",
            "",
            "Example: storycore bench quality --data ../shared/data/denoise/CBSD68 --limit 10",
            ""
        },
        footer = ExitCodes.FOOTER)
final class BenchQualityCommand implements Callable<Integer> {
    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Folder of clean pictures (e.g. ../shared/data/denoise/CBSD68).")
    Path data;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "Use only the first N pictures (0 = all).")
    int limit;

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "20240601", description = "Base seed of the noise (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-peers", description = "Skip the FFmpeg denoiser peers.")
    boolean noPeers;

    @Option(names = "--save", paramLabel = "DIR", description = "Write the first picture of each class (clean, degraded, corrected) as PNGs here.")
    Path save;

    @Option(names = "--json", description = "Print the result as JSON instead of a table.")
    boolean json;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (limit < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 0 (all) or more, got " + limit);
        }
        PrintWriter err = spec.commandLine().getErr();
        QualityBenchReport report = new QualityBenchmark().run(data, limit, seed, !noPeers, save, BenchOutput.progress(err));
        BenchOutput.print(spec.commandLine().getOut(), json, report, report.table());
        return ExitCodes.OK;
    }
}

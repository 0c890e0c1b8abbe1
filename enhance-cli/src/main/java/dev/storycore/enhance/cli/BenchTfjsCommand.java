package dev.storycore.enhance.cli;

import dev.storycore.enhance.bench.tfjs.TfjsSpeedComparison;
import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.store.ModelStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code storycore bench tfjs}: one UpscalerJS model in TF.js on Node versus ONNX Runtime here. */
@Command(name = "tfjs", mixinStandardHelpOptions = true,
        header = "Speed of a model in its own runtime (TF.js on Node) versus ours (ONNX Runtime), same input.",
        description = {
            "Runs the model on its package's 128x128 fixture in ONNX Runtime, then in",
            "TF.js " + TfjsSpeedComparison.TFJS_VERSION + " on Node (WebAssembly backend, then the pure-JS CPU backend),",
            "each after warm-up runs. Prints the median wall and CPU time per run, the",
            "ratio to ONNX Runtime and the largest output difference between runtimes.",
            "TF.js is installed with npm into a cache folder on first use (~300 MB).",
            "Needs Node.js/npm and the model fetched ('storycore models fetch').",
            "",
            "Example:",
            "  storycore bench tfjs --model esrgan-slim-x2",
            ""
        },
        footer = ExitCodes.FOOTER)
final class BenchTfjsCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "ID", defaultValue = "esrgan-slim-x2",
            description = "Catalog model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--warmups", defaultValue = "2", description = "Untimed runs per peer (default: ${DEFAULT-VALUE}).")
    int warmups;

    @Option(names = "--runs", defaultValue = "5", description = "Timed runs for ONNX Runtime and TF.js wasm (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--cpu-runs", defaultValue = "3",
            description = "Timed runs for the slow pure-JS TF.js backend; 0 skips it (default: ${DEFAULT-VALUE}).")
    int cpuRuns;

    @Option(names = "--tfjs-dir", paramLabel = "DIR",
            description = "Where TF.js is installed (default: the model cache's sibling folder bench/tfjs-VERSION).")
    Path tfjsDir;

    @Mixin
    ModelDirOption modelDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        CatalogModelLoader loader = modelDir.loader();
        Path home = tfjsDir != null ? tfjsDir
                : ModelStore.defaultDir().resolveSibling("bench").resolve("tfjs-" + TfjsSpeedComparison.TFJS_VERSION);
        PrintWriter err = spec.commandLine().getErr();
        TfjsSpeedComparison.Report report = TfjsSpeedComparison.run(loader,
                new TfjsSpeedComparison.Options(model, warmups, runs, cpuRuns, home), line -> {
                    err.println(line);
                    err.flush();
                });
        PrintWriter out = spec.commandLine().getOut();
        out.println(report.format());
        out.flush();
        return ExitCodes.OK;
    }
}

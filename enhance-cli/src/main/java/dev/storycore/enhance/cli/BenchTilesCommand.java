package dev.storycore.enhance.cli;

import dev.storycore.enhance.bench.tiles.TileSizeSweep;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code storycore bench tiles}: ONNX Runtime speed per megapixel at several tile sizes. */
@Command(name = "tiles", mixinStandardHelpOptions = true,
        header = "Model speed per input megapixel at several tile sizes (ONNX Runtime).",
        description = {
            "One warm-up run per size, then timed runs; prints median wall and CPU seconds",
            "per input megapixel. The catalog's preferred tile sizes come from this sweep.",
            "",
            "Example:",
            "  storycore bench tiles --model esrgan-slim-x2 --tiles 128,192,256,384",
            ""
        },
        footer = ExitCodes.FOOTER)
final class BenchTilesCommand implements Callable<Integer> {
    @Option(names = "--model", paramLabel = "ID", defaultValue = "esrgan-slim-x2",
            description = "Catalog model (default: ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--tiles", split = ",", defaultValue = "128,192,256,384",
            description = "Tile edges in input pixels (default: ${DEFAULT-VALUE}).")
    int[] tiles;

    @Option(names = "--runs", defaultValue = "3", description = "Timed runs per size (default: ${DEFAULT-VALUE}).")
    int runs;

    @Mixin
    ModelDirOption modelDir;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        var rows = TileSizeSweep.run(modelDir.loader(), model, tiles, runs);
        PrintWriter out = spec.commandLine().getOut();
        out.print(TileSizeSweep.format(model, rows));
        out.flush();
        return ExitCodes.OK;
    }
}

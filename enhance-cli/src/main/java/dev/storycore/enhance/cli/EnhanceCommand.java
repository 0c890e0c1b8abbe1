package dev.storycore.enhance.cli;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.ops.upscale.Quality;
import dev.storycore.enhance.ops.upscale.SuperResolution;
import dev.storycore.enhance.ops.upscale.UpscaleConfig;
import dev.storycore.enhance.pipeline.CancellationToken;
import dev.storycore.enhance.pipeline.Pipeline;
import dev.storycore.enhance.pipeline.ProgressListener;
import dev.storycore.enhance.video.OutputOptions;
import dev.storycore.enhance.video.VideoCodec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storycore enhance}: super-resolve an image, a folder of images or a video. */
@Command(name = "enhance",
        mixinStandardHelpOptions = true,
        header = "Correct quality, super-resolve, stylize and/or change the frame rate of an image, a folder of images or a video.",
        description = {
            "With --style (or --style-model) alone the picture is only stylized; with --upscale too, both run in one pass",
            "(style first). Videos are stylized with flow-guided temporal consistency unless --no-temporal.",
            "--fps, --interpolate and --slowmo make in-between frames from optical flow (never across a scene cut) in",
            "the same pass; frames are added after the other stages (removed before them), so the costly stages",
            "see as few frames as possible. Plain rate conversion keeps the audio in sync.",
            "Quality corrections (--auto-quality, --denoise, --sharpen, --color-correct, --contrast) run first, in the",
            "same pass, decided once per shot for videos; alone they keep the size (photo.jpg -> photo.quality.jpg).",
            "The output goes beside the input unless -o is given: photo.jpg -> photo.x2.jpg,",
            "clip.avi -> clip.x2.mp4, photos/ -> photos.x2/ (same file names).",
            "Progress (frames, fps, ETA) is drawn on stderr for videos and folders; the summary goes to stdout.",
            ""
        },
        footer = ExitCodes.FOOTER,
        sortOptions = false)
final class EnhanceCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ModelDirOption modelDir;

    @Parameters(index = "0", paramLabel = "INPUT", description = "An image, a folder of images, or a video.")
    Path input;

    @Option(names = {"-o", "--output"}, paramLabel = "OUTPUT",
            description = "Output file (image or video) or folder (for a folder input).")
    Path output;

    @Option(names = "--upscale", paramLabel = "N", description = "Factor: 2, 3, 4 or 8 (default 2 unless --width/--height).")
    Integer upscale;

    @Option(names = "--model", paramLabel = "ID", description = "A model from 'storycore models list' (overrides --quality).")
    String model;

    @Option(names = "--tile", paramLabel = "SIZE", description = "Tile edge in input pixels (default: the model's own).")
    Integer tile;

    @Option(names = "--quality", paramLabel = "LEVEL", defaultValue = "standard",
            description = "preview (bicubic, no model), standard, high or maximum (default: ${DEFAULT-VALUE}).")
    String quality;

    @Option(names = "--width", paramLabel = "W", description = "Exact output width (with --height, or alone to keep the aspect ratio).")
    Integer width;

    @Option(names = "--height", paramLabel = "H", description = "Exact output height.")
    Integer height;

    @Option(names = "--codec", paramLabel = "CODEC",
            description = "Video codec: h264 (default for .mp4), vp9 (default for .webm), av1, ffv1 (lossless, .mkv).")
    VideoCodec codec;

    @CommandLine.Mixin
    StyleOptions styleOptions;

    @CommandLine.Mixin
    RateOptions rateOptions;

    @CommandLine.Mixin
    QualityOptions qualityOptions;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing but errors (and the --json summary).")
    boolean quiet;

    @Option(names = "--json", description = "Print a machine-readable summary on stdout.")
    boolean json;

    @Override
    public Integer call() {
        boolean upscaleAsked = upscale != null || width != null || height != null || model != null;
        // Without any enhancement named, enhance means "upscale x2"; with a style or a rate change, only those.
        boolean styleOnly = !upscaleAsked
                && (styleOptions.requested() || rateOptions.requested() || qualityOptions.requested());
        UpscaleConfig config = styleOnly ? null : config();
        if (rateOptions.requested()) {
            try {
                rateOptions.conversion();
            } catch (InvalidInputException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
        }
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        CancellationToken token = new CancellationToken();
        OutputOptions options = codec == null ? OutputOptions.defaults() : OutputOptions.defaults().withCodec(codec);
        EnhanceSummary summary;
        ProgressBar[] bar = new ProgressBar[1];
        try (CancelOnInterrupt interrupt = new CancelOnInterrupt(token);
             StyleOptions styles = styleOptions;
             RateOptions rates = rateOptions;
             QualityOptions qualities = qualityOptions;
             SuperResolution op = styleOnly ? null : SuperResolution.create(config, loader())) {
            Enhancer enhancer = new Enhancer(op, options, token, unit -> {
                if (quiet) {
                    return ProgressListener.NONE;
                }
                bar[0] = ProgressBar.forStderr(err, unit);
                return bar[0];
            }, notice -> {
                if (!quiet) {
                    endBar(bar[0]);
                    err.println(notice);
                    err.flush();
                }
            });
            // one pass, in order: quality, style, then super-resolution (and the rate change)
            BiFunction<Pipeline.Builder, Boolean, Pipeline.Builder> before = (b, video) -> b;
            if (qualityOptions.requested()) {
                before = qualityOptions.stages();
            }
            if (styleOptions.requested()) {
                BiFunction<Pipeline.Builder, Boolean, Pipeline.Builder> quality = before;
                BiFunction<Pipeline.Builder, Boolean, Pipeline.Builder> style = styleOptions.stages(modelDir.loader());
                before = (b, video) -> style.apply(quality.apply(b, video), video);
            }
            if (styleOptions.requested() || qualityOptions.requested()) {
                enhancer.before(before);
            }
            if (rateOptions.requested()) {
                enhancer.rate(rateOptions, modelDir.loader());
            }
            String tag = String.join(".", java.util.stream.Stream.of(styleOnly ? "" : tag(config),
                    styleOptions.requested() ? styleOptions.tag() : "", rateOptions.requested() ? rateOptions.tag() : "",
                    qualityOptions.requested() ? qualityOptions.tag() : "")
                    .filter(t -> !t.isEmpty()).toList());
            try {
                summary = enhancer.run(input, output, tag);
            } catch (Enhancer.PartialFolderException partial) {
                endBar(bar[0]);
                print(partial.summary, stdout);
                throw partial;
            } finally {
                endBar(bar[0]);
            }
        }
        print(summary, stdout);
        return ExitCodes.OK;
    }

    private void print(EnhanceSummary summary, PrintWriter stdout) {
        if (!quiet) {
            PrintWriter err = spec.commandLine().getErr();
            summary.warnings().forEach(w -> err.println("warning: " + w));
            err.flush();
        }
        if (json) {
            stdout.println(summary.toJson());
        } else if (!quiet) {
            stdout.print(summary.toText());
        }
        stdout.flush();
    }

    private static void endBar(ProgressBar bar) {
        if (bar != null) {
            bar.done();
        }
    }

    private UpscaleConfig config() {
        try {
            // A model named explicitly must run (or the exit code says why not); quality levels may fall back.
            UpscaleConfig.Builder b = UpscaleConfig.builder().quality(Quality.parse(quality)).model(model)
                    .allowClassicalFallback(model == null);
            if (upscale != null) {
                b.scale(upscale);
            }
            if (tile != null) {
                b.tile(tile);
            }
            if (width != null || height != null) {
                b.targetSize(width == null ? 0 : width, height == null ? 0 : height);
            }
            return b.build();
        } catch (InvalidInputException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    /** The model loader; an unknown --model id is a model problem (exit 4) before any work starts. */
    private CatalogModelLoader loader() {
        CatalogModelLoader loader = modelDir.loader();
        if (model != null && !model.endsWith(".onnx")) {
            loader.catalog().require(model);
        }
        return loader;
    }

    private static String tag(UpscaleConfig config) {
        if (!config.hasTarget()) {
            return "x" + config.scale();
        }
        return (config.targetWidth() > 0 ? config.targetWidth() : "") + "x"
                + (config.targetHeight() > 0 ? config.targetHeight() : "");
    }
}

package dev.storycore.enhance.cli;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.StreamInfo;
import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.ops.interpolate.FrameRateConverter;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.ops.upscale.SuperResolution;
import dev.storycore.enhance.ops.upscale.UpscaleReport;
import dev.storycore.enhance.pipeline.CancellationToken;
import dev.storycore.enhance.pipeline.Pipeline;
import dev.storycore.enhance.pipeline.PipelineResult;
import dev.storycore.enhance.pipeline.Progress;
import dev.storycore.enhance.pipeline.ProgressListener;
import dev.storycore.enhance.pipeline.StageTiming;
import dev.storycore.enhance.video.MediaInfo;
import dev.storycore.enhance.video.MediaKind;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaSink;
import dev.storycore.enhance.video.MediaSource;
import dev.storycore.enhance.video.MediaWriter;
import dev.storycore.enhance.video.OutputOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs one super-resolution over an image, a folder of images (one output per input, same names) or a
 * video, through the {@link Pipeline}, and says what it did. The operation stays open for the caller.
 */
final class Enhancer {
    private final SuperResolution upscale;
    private final OutputOptions outputOptions;
    private final CancellationToken cancellation;
    /** Makes the progress display for "frames" (a video) or "images" (a folder). */
    private final Function<String, ProgressListener> progressFor;
    private final Consumer<String> notices;
    /** Stages that run before super-resolution (style); told whether the input is a video. */
    private BiFunction<Pipeline.Builder, Boolean, Pipeline.Builder> before = (b, video) -> b;
    private RateOptions rate;
    private CatalogModelLoader models;

    /** @param upscale the super-resolution, or null when only the stages of {@link #before} run */
    Enhancer(SuperResolution upscale, OutputOptions outputOptions, CancellationToken cancellation,
             Function<String, ProgressListener> progressFor, Consumer<String> notices) {
        this.upscale = upscale;
        this.outputOptions = outputOptions;
        this.cancellation = cancellation;
        this.progressFor = progressFor;
        this.notices = notices;
    }

    /** Adds stages (e.g. a style) that run on every frame before super-resolution, in the same pass. */
    Enhancer before(BiFunction<Pipeline.Builder, Boolean, Pipeline.Builder> stages) {
        this.before = stages;
        return this;
    }

    /** Adds a frame-rate conversion (interpolation) stage for video inputs. */
    Enhancer rate(RateOptions options, CatalogModelLoader models) {
        this.rate = options;
        this.models = models;
        return this;
    }

    private Pipeline.Builder stages(MediaSource source, boolean video) {
        return stages(source, video, null);
    }

    /**
     * The stages in order. A rate conversion that adds frames runs last, so style and super-resolution (the
     * costly stages) see only the input's frames; one that removes frames runs first, for the same reason.
     */
    private Pipeline.Builder stages(MediaSource source, boolean video, FrameRateConverter interpolation) {
        Pipeline.Builder b = Pipeline.from(source);
        boolean first = interpolation != null && interpolation.outputFrameCount(1000) < 1000;
        if (first) {
            b = b.then(interpolation);
        }
        b = before.apply(b, video);
        b = upscale == null ? b : b.then(upscale);
        return interpolation != null && !first ? b.then(interpolation) : b;
    }

    private UpscaleReport plan(Size size) {
        return upscale == null ? null : upscale.prepare(size);
    }

    /**
     * @param output where to write, or null for the default name beside the input
     * @param tag    what the default name says was done, e.g. "x2"
     */
    EnhanceSummary run(Path input, Path output, String tag) {
        if (Files.isDirectory(input)) {
            if (rate != null) {
                throw new InvalidInputException("--fps, --interpolate and --slowmo need a video; " + input
                        + " is a folder of images");
            }
            return folder(input, output != null ? output : OutputNames.defaultFor(input, tag, false));
        }
        MediaSource source = MediaReader.open(input);
        MediaInfo media;
        UpscaleReport plan;
        FrameRateConverter interpolation = null;
        try {
            media = source.media();
            if (rate != null) {
                if (!media.isVideo()) {
                    throw new InvalidInputException("--fps, --interpolate and --slowmo need a video; " + input
                            + " is " + media.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '));
                }
                interpolation = rate.stage(media.video().frameRate(), models);
            }
            plan = plan(new Size(media.video().width(), media.video().height()));
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        MediaInfo passthrough = media.isVideo() ? media : null;
        if (rate != null && rate.dropsAudio() && (media.hasAudio() || media.hasSubtitles())) {
            passthrough = new MediaInfo(media.path(), media.kind(), media.video(), media.container(),
                    media.videoCodec(), media.channels(), media.bitDepth(), media.timeBase(), List.of(), List.of());
            notices.accept("warning: --slowmo stretches time, so the audio and subtitles were left out"
                    + " (--keep-audio copies the audio unchanged)");
        }
        MediaInfo carried = passthrough;
        announce(plan);
        boolean video = media.kind() != MediaKind.IMAGE;
        Path target = output != null ? output : OutputNames.defaultFor(input, tag, media.isVideo());
        try {
            requireDifferent(input, target);
        } catch (RuntimeException e) {
            source.close();
            throw e;
        }
        ProgressListener progress = video ? progressFor.apply("frames") : ProgressListener.NONE;
        AtomicReference<MediaSink> sink = new AtomicReference<>();
        PipelineResult result = stages(source, media.isVideo(), interpolation).onProgress(progress)
                .cancellation(cancellation)
                .build()
                .run(info -> {
                    sink.set(MediaWriter.open(target, optionsFor(info), carried));
                    return sink.get();
                });
        if (rate != null) {
            notices.accept(rate.report());
        }
        List<EnhanceSummary.Stage> stages = result.stages().stream().map(EnhanceSummary.Stage::of).toList();
        return summary(input, target, video ? "video" : "image", result.framesWritten(), result.elapsed(), plan,
                sink.get().encoder(), stages, sink.get().warnings(), List.of());
    }

    private EnhanceSummary folder(Path input, Path output) {
        requireDifferent(input, output);
        List<Path> files = MediaReader.imageFiles(input);
        if (Files.exists(output) && !Files.isDirectory(output)) {
            throw new InvalidInputException("the output " + output + " is a file, but a folder of images gives a"
                    + " folder: name a folder with -o");
        }
        boolean created = !Files.exists(output);
        createFolder(output);
        ProgressListener progress = progressFor.apply("images");
        long start = System.nanoTime();
        progress.onProgress(new Progress(0, files.size(), 0, Duration.ZERO, "upscale"));
        List<List<StageTiming>> timings = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        UpscaleReport firstPlan = null;
        String encoder = null;
        long done = 0;
        try {
            for (Path file : files) {
                cancellation.throwIfCancelled();
                Path target = output.resolve(file.getFileName().toString());
                try {
                    MediaSource source = MediaReader.open(file);
                    UpscaleReport plan;
                    try {
                        StreamInfo info = source.info();
                        plan = plan(new Size(info.width(), info.height()));
                    } catch (RuntimeException e) {
                        source.close();
                        throw e;
                    }
                    if (firstPlan == null) {
                        firstPlan = plan;
                        announce(plan);
                    }
                    AtomicReference<MediaSink> sink = new AtomicReference<>();
                    PipelineResult r = stages(source, false).cancellation(cancellation).build()
                            .run(info -> {
                                sink.set(MediaWriter.open(target, optionsFor(info), null));
                                return sink.get();
                            });
                    timings.add(r.stages());
                    encoder = sink.get().encoder();
                    sink.get().warnings().forEach(w -> warnings.add(file.getFileName() + ": " + w));
                    done++;
                } catch (InvalidInputException e) {
                    // One unreadable picture should not cost the others: report it and go on.
                    failed.add(file.getFileName() + ": " + e.getMessage());
                    notices.accept("skipped " + file.getFileName() + ": " + e.getMessage());
                }
                long elapsed = System.nanoTime() - start;
                long handled = done + failed.size();
                progress.onProgress(new Progress(handled, files.size(), handled / (elapsed / 1e9),
                        Duration.ofNanos(elapsed), "upscale"));
            }
        } catch (RuntimeException e) {
            removeIfEmpty(output, created);
            throw e;
        }
        if (done == 0) {
            removeIfEmpty(output, created);
            throw new InvalidInputException("none of the " + files.size() + " images in " + input
                    + " could be enhanced; first: " + failed.get(0));
        }
        List<EnhanceSummary.Stage> stages = EnhanceSummary.total(timings);
        EnhanceSummary summary = summary(input, output, "folder", done, Duration.ofNanos(System.nanoTime() - start),
                firstPlan, encoder, stages, warnings, failed);
        if (!failed.isEmpty()) {
            throw new PartialFolderException(summary);
        }
        return summary;
    }

    /** Some images of a folder failed as bad input; the others were written. Exit code: bad input. */
    static final class PartialFolderException extends InvalidInputException {
        final transient EnhanceSummary summary;

        PartialFolderException(EnhanceSummary summary) {
            super(summary.failed().size() + " of " + (summary.failed().size() + summary.frames()) + " images could"
                    + " not be enhanced (the others are in " + summary.output() + "); first: " + summary.failed().get(0));
            this.summary = summary;
        }
    }

    private OutputOptions optionsFor(StreamInfo info) {
        OutputOptions opts = outputOptions;
        if (opts.frameRate() == null && !info.frameRate().isZero()) {
            opts = opts.withFrameRate(info.frameRate());
        }
        return opts;
    }

    private void announce(UpscaleReport plan) {
        if (plan != null && plan.isFallback()) {
            notices.accept("note: " + plan.fallbackReason());
        }
    }

    private static EnhanceSummary summary(Path input, Path output, String kind, long frames, Duration elapsed,
                                          UpscaleReport plan, String encoder, List<EnhanceSummary.Stage> stages,
                                          List<String> warnings, List<String> failed) {
        double seconds = elapsed.toNanos() / 1e9;
        if (plan == null) {
            return new EnhanceSummary(input.toString(), output.toString(), kind, frames,
                    Math.round(seconds * 1000) / 1000.0, seconds > 0 ? Math.round(frames / seconds * 1000) / 1000.0 : 0,
                    "", "", "none", null, "no super-resolution", null, encoder, EnhanceSummary.bottleneckOf(stages),
                    stages, warnings, failed);
        }
        return new EnhanceSummary(input.toString(), output.toString(), kind, frames, Math.round(seconds * 1000) / 1000.0,
                seconds > 0 ? Math.round(frames / seconds * 1000) / 1000.0 : 0,
                plan.input().toString(), plan.output().toString(), plan.method().name().toLowerCase(Locale.ROOT),
                plan.modelId(), plan.describe(), plan.fallbackReason(), encoder, EnhanceSummary.bottleneckOf(stages),
                stages, warnings, failed);
    }

    /** Writing over the input would destroy it before it is read. */
    private static void requireDifferent(Path input, Path output) {
        if (input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize())) {
            throw new InvalidInputException("the output " + output + " is the input itself: choose another name"
                    + " with -o (or leave -o out for a name beside the input)");
        }
    }

    private static void createFolder(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("cannot create the output folder " + dir + " (" + e.getMessage()
                    + "): choose another place with -o", e);
        }
    }

    private static void removeIfEmpty(Path dir, boolean created) {
        if (!created) {
            return;
        }
        try (var entries = Files.list(dir)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.storycore.enhance.video;

import dev.storycore.enhance.errors.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens outputs. The kind follows the path:
 * <ul>
 *   <li>a numbered pattern ({@code out/%05d.png}) writes an image sequence (PNG, JPEG, WebP, TIFF, BMP);</li>
 *   <li>an image extension ({@code .png .jpg .jpeg .webp .tif .tiff .bmp}) writes one image;</li>
 *   <li>anything else is a video container chosen by extension: {@code .mp4}/{@code .mov}/{@code .mkv} (H.264 by
 *       default), {@code .webm} (VP9 by default); other codecs through {@link OutputOptions#codec()}, e.g. FFV1 in
 *       .mkv (lossless) or AV1 in .mp4/.mkv/.webm.</li>
 * </ul>
 *
 * <pre>{@code
 * MediaInfo in = MediaReader.probe(input);
 * try (MediaSource source = MediaReader.open(input);
 *      MediaSink sink = MediaWriter.open(output, OutputOptions.defaults(), in)) {
 *     for (Frame next; (next = source.next()) != null; ) {
 *         try (Frame f = next; Frame big = upscale(f)) { sink.write(big); }
 *     }
 *     sink.finish(); // only now does `output` appear; on an exception close() deletes the partial file
 * }
 * }</pre>
 *
 * Frames keep their timestamps; audio and subtitle streams of {@code passthrough} are copied unchanged and in
 * sync (streams the container cannot hold are left out and reported in {@link MediaSink#warnings()}).
 */
public final class MediaWriter {
    private MediaWriter() {
    }

    /** Opens an output without audio/subtitle passthrough. */
    public static MediaSink open(Path output, OutputOptions options) {
        return open(output, options, null);
    }

    /**
     * Opens an output.
     *
     * @param passthrough the probed input whose audio and subtitle streams are copied into a video output, and
     *                    whose frame rate and time base are the defaults; null for none (ignored for images)
     * @throws dev.storycore.enhance.errors.ResourceException     when the requested encoder is not in this build
     * @throws dev.storycore.enhance.errors.InvalidInputException when the path or options cannot work together
     */
    public static MediaSink open(Path output, OutputOptions options, MediaInfo passthrough) {
        OutputOptions opts = options == null ? OutputOptions.defaults() : options;
        if (Files.isDirectory(output)) {
            throw new InvalidInputException(output + " is a folder: name the output file (e.g. out.mp4), or a"
                    + " pattern for images (e.g. " + output.resolve("%05d.png") + ")");
        }
        if (passthrough != null && passthrough.path().toAbsolutePath().normalize()
                .equals(output.toAbsolutePath().normalize())) {
            throw new InvalidInputException("the output " + output + " is the input itself: choose another name");
        }
        if (ImageSequence.isPattern(output) || ImageHeaders.isImageName(output)) {
            return new ImageFilesSink(output, opts);
        }
        return new VideoFileSink(output, opts, passthrough);
    }
}

package dev.storycore.enhance.video;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.frame.StreamInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Opens inputs: video files (anything FFmpeg demuxes: mp4, mkv, mov, avi, webm, ...), still images (PNG, JPEG,
 * WebP, TIFF, BMP), numbered image sequences ({@code frames/%05d.png}) and folders of images (played in file
 * name order).
 *
 * <pre>{@code
 * try (MediaSource source = MediaReader.open(Path.of("clip.mp4"))) {
 *     for (Frame next; (next = source.next()) != null; ) {
 *         try (Frame f = next) { ... f.image() is BGR, f.timestampMicros() the container time ... }
 *     }
 * }
 * }</pre>
 *
 * Every failure to read is an {@link InvalidInputException} with a one-line reason and a fix: missing file, empty
 * file, a file that is not media, a picture above the pixel limit (checked from the header, before decoding),
 * a folder without images, a truncated or corrupt video.
 */
public final class MediaReader {
    private MediaReader() {
    }

    /** Probes with {@link ReadOptions#defaults()}. */
    public static MediaInfo probe(Path path) {
        return probe(path, ReadOptions.defaults());
    }

    /** Describes an input without decoding its video (a still image or the first image of a sequence is decoded). */
    public static MediaInfo probe(Path path, ReadOptions options) {
        try (MediaSource source = open(path, options)) {
            return source.media();
        }
    }

    /** Opens with {@link ReadOptions#defaults()}. */
    public static MediaSource open(Path path) {
        return open(path, ReadOptions.defaults());
    }

    /** Opens an input for reading; the caller closes the source. */
    public static MediaSource open(Path path, ReadOptions options) {
        if (ImageSequence.isPattern(path) && !Files.exists(path)) {
            List<Path> files = ImageSequence.pattern(path);
            return sequence(path, files, options);
        }
        if (Files.isDirectory(path)) {
            return sequence(path, ImageSequence.folder(path), options);
        }
        InputChecks.requireReadableFile(path);
        if (ImageHeaders.isImageName(path)) {
            return sequence(path, List.of(path), options);
        }
        return VideoFileSource.open(path, options);
    }

    /**
     * The image files an image input stands for, in reading order: the file itself, the files of a numbered
     * pattern, or a folder's images sorted by name. Lets a caller that enhances images one by one name each
     * output after its input.
     */
    public static List<Path> imageFiles(Path path) {
        if (ImageSequence.isPattern(path) && !Files.exists(path)) {
            return ImageSequence.pattern(path);
        }
        if (Files.isDirectory(path)) {
            return ImageSequence.folder(path);
        }
        InputChecks.requireReadableFile(path);
        if (!ImageHeaders.isImageName(path)) {
            throw new InvalidInputException(path + " is not an image file (.png, .jpg, .jpeg, .webp, .tif, .tiff,"
                    + " .bmp)");
        }
        return List.of(path);
    }

    private static MediaSource sequence(Path input, List<Path> files, ReadOptions options) {
        boolean single = files.size() == 1 && files.get(0).equals(input);
        Path first = files.get(0);
        // Decode the first picture to learn its channels and depth (after the header size check).
        int channels;
        int depth;
        int width;
        int height;
        try (Mat m = Images.decode(first, options.maxPixels())) {
            channels = m.channels();
            depth = m.depth() == org.bytedeco.opencv.global.opencv_core.CV_16U ? 16 : 8;
            width = m.cols();
            height = m.rows();
        }
        Rational rate = single ? Rational.ZERO : options.sequenceFrameRate();
        long duration = single ? 0 : Math.round(files.size() * 1e6 * rate.den() / rate.num());
        StreamInfo video = new StreamInfo(width, height, rate, files.size(), duration, false);
        MediaInfo info = new MediaInfo(input, single ? MediaKind.IMAGE : MediaKind.IMAGE_SEQUENCE, video, "image",
                ImageHeaders.extension(first), channels, depth, Rational.ZERO, List.of(), List.of());
        return new ImageSequenceSource(files, info, options.maxPixels());
    }
}

package dev.storycore.enhance.train.sr;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2RGB;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.measure.BicubicDownscale;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

/** Lists and reads picture folders into {@link TrainingPicture}s (HR cropped to the scale, LR by {@link LowResolution}). */
final class PictureFiles {
    /** Evaluation sets: a model is never trained on them, or its scores would mean nothing. */
    private static final Set<String> EVALUATION_SETS = Set.of("set5", "set14", "cbsd68", "bsd68");

    private PictureFiles() {
    }

    /** PNG and JPEG files directly inside each folder, sorted by folder order then name (deterministic). */
    static List<Path> list(List<Path> folders) {
        List<Path> files = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new InvalidInputException("training data folder " + folder + " does not exist: pass --data"
                        + " with folders of PNG/JPEG pictures (default ../shared/data/train/urban100 and sunhays80)");
            }
            try (Stream<Path> s = Files.list(folder)) {
                s.filter(PictureFiles::isPicture).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("no PNG or JPEG pictures in " + folders);
        }
        return files;
    }

    /** Refuses folders that hold an evaluation set (Set5, Set14, CBSD68). */
    static void requireNotEvaluationData(List<Path> folders) {
        for (Path folder : folders) {
            for (Path part : folder.toAbsolutePath().normalize()) {
                if (EVALUATION_SETS.contains(part.toString().toLowerCase(Locale.ROOT))) {
                    throw new InvalidInputException("refusing to train on " + folder + ": '" + part
                            + "' is an evaluation set, and a model trained on it would be scored on its own"
                            + " training data. Train on ../shared/data/train/* only");
                }
            }
        }
    }

    static boolean isPicture(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    /** Reads one file as BGR 8-bit, cropped so both sides are multiples of {@code scale}. */
    static Mat readCropped(Path file, int scale) {
        try (Mat bgr = imread(file.toString(), IMREAD_COLOR)) {
            if (bgr.empty()) {
                throw new InvalidInputException("cannot read picture " + file + ": not a PNG/JPEG OpenCV can decode");
            }
            if (bgr.cols() < 4 * scale || bgr.rows() < 4 * scale) {
                throw new InvalidInputException("picture " + file + " is too small for scale " + scale);
            }
            return BicubicDownscale.cropToMultiple(bgr, scale);
        }
    }

    /**
     * Reads one training picture and its low-resolution version. The exact MATLAB-style shrink costs about
     * a second per megapixel, so its result is kept as a lossless PNG in {@code cache} (null: no cache),
     * named after the file, its size and modification time and the scale.
     */
    static TrainingPicture load(Path file, int scale, Path cache) {
        try (Mat hr = readCropped(file, scale); Mat lr = cachedLowRes(file, hr, scale, cache)) {
            return new TrainingPicture(file.getFileName().toString(), scale, lr.cols(), lr.rows(),
                    rgbBytes(hr), rgbBytes(lr));
        }
    }

    private static Mat cachedLowRes(Path file, Mat hr, int scale, Path cache) {
        if (cache == null) {
            return LowResolution.downscale(hr, scale);
        }
        try {
            String key = file.getFileName() + "-" + Files.size(file) + "-" + Files.getLastModifiedTime(file).toMillis()
                    + "-x" + scale + ".png";
            Path cached = cache.resolve(key);
            if (Files.isRegularFile(cached)) {
                Mat lr = imread(cached.toString(), IMREAD_COLOR);
                if (!lr.empty() && lr.cols() == hr.cols() / scale && lr.rows() == hr.rows() / scale) {
                    return lr;
                }
                lr.close();
            }
            Mat lr = LowResolution.downscale(hr, scale);
            Files.createDirectories(cache);
            Path tmp = cache.resolve(key + ".part.png");
            if (imwrite(tmp.toString(), lr)) {
                Files.move(tmp, cached, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return lr;
        } catch (IOException e) {
            throw new UncheckedIOException("low-resolution cache " + cache + ": " + e.getMessage(), e);
        }
    }

    static byte[] rgbBytes(Mat bgr) {
        try (Mat rgb = new Mat()) {
            cvtColor(bgr, rgb, COLOR_BGR2RGB);
            byte[] out = new byte[rgb.cols() * rgb.rows() * 3];
            rgb.data().get(out);
            return out;
        }
    }
}

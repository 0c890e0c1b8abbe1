package dev.storycore.enhance.video;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYCOLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_ANYDEPTH;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_UNCHANGED;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_COMPRESSION;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_WEBP_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.errors.ResourceException;
import dev.storycore.enhance.frame.Frame;
import java.nio.file.Path;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Still image files through OpenCV: PNG, JPEG, WebP, TIFF and BMP.
 *
 * <p>{@link #read} keeps what the file holds: BGR, BGRA when it has alpha, one channel for grey images, and
 * 16 bits per channel for 16-bit PNG and TIFF. JPEG EXIF orientation is applied. The header's size is
 * checked against a pixel limit before decoding.
 *
 * <p>{@link #write} picks the format from the extension and writes through a temporary file that is renamed
 * on success. What a format cannot hold is converted: JPEG drops alpha, JPEG and WebP take 8 bits.
 */
public final class Images {
    /** JPEG quality used by {@link #write(Path, Frame)}: visually lossless for enhancement results. */
    public static final int DEFAULT_JPEG_QUALITY = 95;

    private Images() {
    }

    /** Reads an image with the default pixel limit ({@link ReadOptions#DEFAULT_MAX_PIXELS}). */
    public static Frame read(Path path) {
        return read(path, ReadOptions.DEFAULT_MAX_PIXELS);
    }

    /**
     * Reads one image file into a frame the caller owns (index 0, no timestamp).
     *
     * @throws InvalidInputException when the file is missing, empty, not a decodable image, or declares more
     *                               than {@code maxPixels} pixels
     */
    public static Frame read(Path path, long maxPixels) {
        Mat image = decode(path, maxPixels);
        return Frame.of(image);
    }

    /** Decodes into a fresh Mat (BGR/BGRA/grey, 8 or 16 bits) after the header checks. */
    static Mat decode(Path path, long maxPixels) {
        InputChecks.requireReadableFile(path);
        ImageHeaders.Dimensions d = ImageHeaders.read(path);
        InputChecks.requireSize(path, d.width(), d.height(), maxPixels);
        String ext = ImageHeaders.extension(path);
        // JPEG never has alpha: read it so that EXIF orientation is applied (IMREAD_UNCHANGED would skip it).
        int flags = ext.equals("jpg") || ext.equals("jpeg") ? IMREAD_ANYCOLOR | IMREAD_ANYDEPTH : IMREAD_UNCHANGED;
        Mat image = imread(path.toString(), flags);
        if (image == null || image.empty()) {
            if (image != null) {
                image.close();
            }
            throw new InvalidInputException(path + " could not be decoded as an image: the file is damaged or"
                    + " truncated; re-export it");
        }
        return normalise(path, image);
    }

    /** Brings what OpenCV returned into the frame contract: 1, 3 or 4 channels of 8 or 16 bits. */
    private static Mat normalise(Path path, Mat image) {
        int depth = image.depth();
        if (depth != CV_8U && depth != CV_16U) {
            image.close();
            throw new InvalidInputException(path + " stores floating-point or 32-bit samples, which are not"
                    + " supported: convert it to 8- or 16-bit PNG/TIFF first");
        }
        if (image.channels() == 2) { // grey + alpha from some TIFFs: keep the grey only
            Mat grey = new Mat();
            org.bytedeco.opencv.global.opencv_core.extractChannel(image, grey, 0);
            image.close();
            return grey;
        }
        return image;
    }

    /** Writes with the default quality settings (JPEG/WebP quality 95, PNG compression 3). */
    public static void write(Path path, Frame frame) {
        write(path, frame, DEFAULT_JPEG_QUALITY);
    }

    /**
     * Writes one image; the format follows the extension (png, jpg/jpeg, webp, tif/tiff, bmp). The file appears
     * under its final name only once completely written.
     *
     * @param quality 1..100 for JPEG and WebP (ignored by lossless formats); WebP is lossless above 100
     * @throws InvalidInputException when the extension names no supported image format
     */
    public static void write(Path path, Frame frame, int quality) {
        String ext = ImageHeaders.extension(path);
        if (!ImageHeaders.IMAGE_EXTENSIONS.contains(ext)) {
            throw new InvalidInputException("cannot write an image to " + path + ": unknown image extension '"
                    + ext + "'; use .png, .jpg, .webp, .tif or .bmp");
        }
        TempOutput temp = TempOutput.fileFor(path);
        try {
            writeTo(temp.temp(), ext, frame.image(), quality);
            temp.commit();
        } finally {
            temp.discard();
        }
    }

    /** Encodes to exactly {@code file} (no temporary name); {@code ext} selects the format. */
    static void writeTo(Path file, String ext, Mat image, int quality) {
        try (Mat converted = forFormat(ext, image)) {
            Mat toWrite = converted.empty() ? image : converted;
            int[] params = switch (ext) {
                case "jpg", "jpeg" -> new int[] {IMWRITE_JPEG_QUALITY, Math.max(1, Math.min(100, quality))};
                case "webp" -> new int[] {IMWRITE_WEBP_QUALITY, Math.max(1, Math.min(101, quality))};
                case "png" -> new int[] {IMWRITE_PNG_COMPRESSION, 3};
                default -> new int[0];
            };
            boolean ok;
            try (IntPointer p = new IntPointer(params)) {
                ok = imwrite(file.toString(), toWrite, p);
            }
            if (!ok) {
                throw new ResourceException("OpenCV could not write " + file + ": check free space and permissions");
            }
        }
    }

    /** An 8-bit / alpha-free copy where the format needs one; an empty Mat when the image fits as it is. */
    private static Mat forFormat(String ext, Mat image) {
        boolean eightBitOnly = ext.equals("jpg") || ext.equals("jpeg") || ext.equals("webp") || ext.equals("bmp");
        boolean noAlpha = ext.equals("jpg") || ext.equals("jpeg");
        Mat out = new Mat();
        Mat current = image;
        if (eightBitOnly && image.depth() == CV_16U) {
            image.convertTo(out, CV_8U, 1.0 / 257.0, 0);
            current = out;
        }
        if (noAlpha && current.channels() == 4) {
            Mat bgr = new Mat();
            cvtColor(current, bgr, COLOR_BGRA2BGR);
            out.close();
            out = bgr;
        } else if (ext.equals("webp") && current.channels() == 1) {
            Mat bgr = new Mat();
            cvtColor(current, bgr, COLOR_GRAY2BGR);
            out.close();
            out = bgr;
        }
        return out;
    }
}

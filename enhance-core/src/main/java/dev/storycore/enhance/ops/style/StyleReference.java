package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.KMEANS_PP_CENTERS;
import static org.bytedeco.opencv.global.opencv_core.kmeans;
import static org.bytedeco.opencv.global.opencv_core.setRNGSeed;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2Lab;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_Lab2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.errors.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.TermCriteria;

/**
 * The colour character of a reference picture (a painting): its CIELAB mean and spread per channel and a
 * palette of its dominant colours. {@link #transfer} gives another picture the reference's tone and colour
 * statistics (Reinhard, Ashikhmin, Gooch and Shirley, "Color transfer between images", IEEE CG&amp;A 2001,
 * here in CIELAB); {@link #toPalette} pulls colours towards the nearest palette colour, which the
 * stroke-based styles use so their strokes are mixed from the painting's paints. Holds only Java arrays.
 */
public final class StyleReference {
    static final int PALETTE_SIZE = 10;
    private static final int SAMPLE_EDGE = 160;

    private final double[] mean;
    private final double[] std;
    private final float[] palette;

    private StyleReference(double[] mean, double[] std, float[] palette) {
        this.mean = mean;
        this.std = std;
        this.palette = palette;
    }

    /** Reads the reference picture from a file (any format OpenCV reads: PNG, JPEG, WebP, TIFF, BMP). */
    public static StyleReference load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new InvalidInputException("style image " + file + " does not exist: pass a PNG or JPEG painting");
        }
        try (Mat img = opencv_imgcodecs.imread(file.toString(), opencv_imgcodecs.IMREAD_COLOR)) {
            if (img == null || img.empty()) {
                throw new InvalidInputException("style image " + file + " is not a readable picture: pass a PNG or JPEG");
            }
            return of(img);
        }
    }

    /** Measures an 8-bit BGR, BGRA or grey picture. */
    public static StyleReference of(Mat picture) {
        try (Mat bgr = toBgr(picture); Mat lab = toLab(bgr);
             Mat small = new Mat()) {
            double f = Math.min(1.0, SAMPLE_EDGE / (double) Math.max(lab.cols(), lab.rows()));
            resize(lab, small, new org.bytedeco.opencv.opencv_core.Size(
                    Math.max(1, (int) Math.round(lab.cols() * f)), Math.max(1, (int) Math.round(lab.rows() * f))),
                    0, 0, INTER_AREA);
            float[] px = Pixels.floats(lab);
            double[][] ms = meanStd(px);
            return new StyleReference(ms[0], ms[1], palette(small));
        }
    }

    /** A new picture with this reference's CIELAB mean and standard deviation (Reinhard et al. 2001). */
    Mat transfer(Mat bgr8) {
        try (Mat lab = toLab(bgr8)) {
            float[] px = Pixels.floats(lab);
            double[][] ms = meanStd(px);
            double[] gain = new double[3];
            for (int c = 0; c < 3; c++) {
                gain[c] = Math.max(0.25, Math.min(4.0, std[c] / Math.max(1e-3, ms[1][c])));
            }
            for (int i = 0; i < px.length; i += 3) {
                for (int c = 0; c < 3; c++) {
                    px[i + c] = (float) ((px[i + c] - ms[0][c]) * gain[c] + mean[c]);
                }
                px[i] = Math.max(0, Math.min(100, px[i]));
            }
            return fromLab(px, bgr8.rows(), bgr8.cols());
        }
    }

    /** A new picture whose colours are moved {@code weight} (0..1) of the way to the nearest palette colour. */
    Mat toPalette(Mat bgr8, double weight) {
        try (Mat lab = toLab(bgr8)) {
            float[] px = Pixels.floats(lab);
            int k = palette.length / 3;
            for (int i = 0; i < px.length; i += 3) {
                int best = 0;
                double bestD = Double.MAX_VALUE;
                for (int j = 0; j < k; j++) {
                    double dl = px[i] - palette[3 * j];
                    double da = px[i + 1] - palette[3 * j + 1];
                    double db = px[i + 2] - palette[3 * j + 2];
                    // Lightness counts less: we want the painting's hues at the picture's own values.
                    double d = 0.25 * dl * dl + da * da + db * db;
                    if (d < bestD) {
                        bestD = d;
                        best = j;
                    }
                }
                px[i + 1] += (float) (weight * (palette[3 * best + 1] - px[i + 1]));
                px[i + 2] += (float) (weight * (palette[3 * best + 2] - px[i + 2]));
                px[i] += (float) (0.5 * weight * (palette[3 * best] - px[i]));
            }
            return fromLab(px, bgr8.rows(), bgr8.cols());
        }
    }

    /** The palette in CIELAB (L*, a*, b* triples), most frequent first. */
    float[] palette() {
        return palette.clone();
    }

    private static float[] palette(Mat smallLab) {
        int n = smallLab.rows() * smallLab.cols();
        int k = Math.min(PALETTE_SIZE, n);
        try (Mat samples = smallLab.reshape(1, n).clone(); Mat labels = new Mat(); Mat centers = new Mat()) {
            setRNGSeed(0x5eed);
            kmeans(samples, k, labels, new TermCriteria(TermCriteria.EPS + TermCriteria.COUNT, 30, 0.1), 3,
                    KMEANS_PP_CENTERS, centers);
            int[] lab = Pixels.ints(labels);
            float[] c = Pixels.floats(centers);
            int[] count = new int[k];
            for (int l : lab) {
                count[l]++;
            }
            Integer[] order = new Integer[k];
            for (int i = 0; i < k; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (a, b) -> count[b] != count[a] ? Integer.compare(count[b], count[a])
                    : Float.compare(c[3 * a], c[3 * b]));
            float[] out = new float[3 * k];
            for (int i = 0; i < k; i++) {
                System.arraycopy(c, 3 * order[i], out, 3 * i, 3);
            }
            return out;
        }
    }

    private static double[][] meanStd(float[] px) {
        double[] sum = new double[3];
        double[] sq = new double[3];
        int n = px.length / 3;
        for (int i = 0; i < px.length; i += 3) {
            for (int c = 0; c < 3; c++) {
                sum[c] += px[i + c];
                sq[c] += (double) px[i + c] * px[i + c];
            }
        }
        double[] mean = new double[3];
        double[] std = new double[3];
        for (int c = 0; c < 3; c++) {
            mean[c] = sum[c] / n;
            std[c] = Math.sqrt(Math.max(0, sq[c] / n - mean[c] * mean[c]));
        }
        return new double[][] {mean, std};
    }

    static Mat toBgr(Mat picture) {
        Mat out = new Mat();
        if (picture.channels() == 1) {
            cvtColor(picture, out, COLOR_GRAY2BGR);
        } else if (picture.channels() == 4) {
            cvtColor(picture, out, COLOR_BGRA2BGR);
        } else {
            picture.copyTo(out);
        }
        return out;
    }

    /** 8-bit BGR to float CIELAB (L* 0..100, a* b* about -128..127). */
    static Mat toLab(Mat bgr8) {
        Mat f = new Mat();
        bgr8.convertTo(f, CV_32FC3, 1 / 255.0, 0);
        Mat lab = new Mat();
        cvtColor(f, lab, COLOR_BGR2Lab);
        f.close();
        return lab;
    }

    static Mat fromLab(float[] lab, int rows, int cols) {
        try (Mat m = Pixels.mat(lab, rows, cols, 3); Mat f = new Mat()) {
            cvtColor(m, f, COLOR_Lab2BGR);
            Mat out = new Mat();
            f.convertTo(out, CV_8UC3, 255, 0);
            return out;
        }
    }

    static Mat labToBgr(Mat lab) {
        try (Mat f = new Mat()) {
            cvtColor(lab, f, COLOR_Lab2BGR);
            Mat out = new Mat();
            f.convertTo(out, CV_8UC3, 255, 0);
            return out;
        }
    }
}

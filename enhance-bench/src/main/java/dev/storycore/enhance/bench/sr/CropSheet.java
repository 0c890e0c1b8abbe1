package dev.storycore.enhance.bench.sr;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.hconcat;
import static org.bytedeco.opencv.global.opencv_core.magnitude;
import static org.bytedeco.opencv.global.opencv_core.sumElems;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_NEAREST;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Side-by-side crops for looking at results: the same detailed region (most gradient energy in the
 * original) from each method and the original, enlarged ×2 with nearest-neighbour so single pixels,
 * halos and seams stay visible, each under its label.
 */
final class CropSheet {
    static final int CROP = 96;
    private static final int ZOOM = 2;
    private static final int LABEL = 22;

    private CropSheet() {
    }

    static Path write(Path dir, Path picture, int scale, Mat original, List<SrMethod> methods, Mat[] outputs) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create crop folder " + dir, e);
        }
        String name = picture.getFileName().toString().replaceFirst("\\.[^.]+$", "");
        String dataset = picture.getParent() == null ? "sr" : picture.getParent().getFileName().toString();
        Path out = dir.resolve(dataset + "-" + name + "-x" + scale + ".png");
        try (Rect region = busiestRegion(original); MatVector panels = new MatVector(); Mat sheet = new Mat()) {
            for (int m = 0; m < methods.size(); m++) {
                if (outputs[m] != null) {
                    panels.push_back(panel(outputs[m], region, methods.get(m).name()));
                }
            }
            panels.push_back(panel(original, region, "original"));
            hconcat(panels, sheet);
            imwrite(out.toString(), sheet);
        }
        return out;
    }

    private static Mat panel(Mat picture, Rect region, String label) {
        Mat panel = new Mat(region.height() * ZOOM + LABEL, region.width() * ZOOM, CV_8UC3, new Scalar(255, 255, 255, 0));
        try (Mat crop = new Mat(picture, region); Mat big = new Mat();
             Rect below = new Rect(0, LABEL, region.width() * ZOOM, region.height() * ZOOM); Mat dst = new Mat(panel, below);
             Size size = new Size(region.width() * ZOOM, region.height() * ZOOM);
             Point at = new Point(4, LABEL - 6); Scalar black = new Scalar(0, 0, 0, 0)) {
            resize(crop, big, size, 0, 0, INTER_NEAREST);
            big.copyTo(dst);
            putText(panel, label, at, FONT_HERSHEY_SIMPLEX, 0.5, black, 1, LINE_AA, false);
        }
        return panel;
    }

    /** The CROP x CROP window (on a 16-pixel grid) with the largest gradient magnitude in the original. */
    static Rect busiestRegion(Mat original) {
        int size = Math.min(CROP, Math.min(original.cols(), original.rows()));
        try (Mat grey = new Mat(); Mat gx = new Mat(); Mat gy = new Mat(); Mat mag = new Mat()) {
            cvtColor(original, grey, COLOR_BGR2GRAY);
            Sobel(grey, gx, CV_32F, 1, 0);
            Sobel(grey, gy, CV_32F, 0, 1);
            magnitude(gx, gy, mag);
            int bestX = 0;
            int bestY = 0;
            double best = -1;
            for (int y = 0; y + size <= original.rows(); y += 16) {
                for (int x = 0; x + size <= original.cols(); x += 16) {
                    try (Rect r = new Rect(x, y, size, size); Mat window = new Mat(mag, r)) {
                        double energy = sumElems(window).get(0);
                        if (energy > best) {
                            best = energy;
                            bestX = x;
                            bestY = y;
                        }
                    }
                }
            }
            return new Rect(bestX, bestY, size, size);
        }
    }
}

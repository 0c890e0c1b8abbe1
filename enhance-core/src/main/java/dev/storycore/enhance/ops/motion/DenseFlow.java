package dev.storycore.enhance.ops.motion;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import dev.storycore.enhance.errors.InvalidInputException;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * Dense optical flow with OpenCV's DIS (Dense Inverse Search, Kroeger et al., ECCV 2016). Accepts 8- or
 * 16-bit grey, BGR or BGRA pictures of equal size; measures on grey at {@link FlowSettings#scale()} of
 * the input size and returns a field at the input size.
 *
 * <p>Not thread-safe (the DIS instance keeps buffers between calls): use one per thread. Close it to free
 * the native instance.
 */
public final class DenseFlow implements AutoCloseable {
    private final FlowSettings settings;
    private final DISOpticalFlow dis;

    private DenseFlow(FlowSettings settings) {
        this.settings = settings;
        this.dis = DISOpticalFlow.create(settings.preset().openCvPreset());
        if (settings.refinementIterations() != FlowSettings.PRESET_DEFAULT) {
            dis.setVariationalRefinementIterations(settings.refinementIterations());
        }
        if (settings.finestScale() != FlowSettings.PRESET_DEFAULT) {
            dis.setFinestScale(settings.finestScale());
        }
    }

    public static DenseFlow create(FlowSettings settings) {
        return new DenseFlow(settings);
    }

    public FlowSettings settings() {
        return settings;
    }

    /** The flow from {@code from} to {@code to}: {@code from(x) ≈ to(x + flow(x))}. */
    public FlowField estimate(Mat from, Mat to) {
        checkSameSize(from, to);
        try (Mat a = workingGrey(from); Mat b = workingGrey(to)) {
            return measure(a, b, from.cols(), from.rows());
        }
    }

    /** Both directions at once, converting each picture to grey only once. */
    public FlowPair estimateBoth(Mat a, Mat b) {
        checkSameSize(a, b);
        try (Mat ga = workingGrey(a); Mat gb = workingGrey(b)) {
            FlowField forward = measure(ga, gb, a.cols(), a.rows());
            try {
                return new FlowPair(forward, measure(gb, ga, a.cols(), a.rows()));
            } catch (RuntimeException e) {
                forward.close();
                throw e;
            }
        }
    }

    private FlowField measure(Mat a, Mat b, int width, int height) {
        Mat flow = new Mat();
        dis.calc(a, b, flow);
        FlowField atWorkingSize = FlowField.wrap(flow);
        if (a.cols() == width && a.rows() == height) {
            return atWorkingSize;
        }
        try (atWorkingSize) {
            return atWorkingSize.resized(width, height);
        }
    }

    /** Grey, 8-bit, at the working scale. */
    Mat workingGrey(Mat image) {
        Mat grey = toGrey8(image);
        if (settings.scale() >= 1.0) {
            return grey;
        }
        int w = Math.max(8, (int) Math.round(image.cols() * settings.scale()));
        int h = Math.max(8, (int) Math.round(image.rows() * settings.scale()));
        Mat small = new Mat();
        try (grey) {
            opencv_imgproc.resize(grey, small, new Size(w, h), 0, 0, opencv_imgproc.INTER_AREA);
        }
        return small;
    }

    static Mat toGrey8(Mat image) {
        if (image == null || image.empty()) {
            throw new InvalidInputException("optical flow: empty picture; pass a decoded frame");
        }
        Mat eight = image;
        if (image.depth() == CV_16U) {
            eight = new Mat();
            image.convertTo(eight, CV_8U, 1.0 / 257, 0);
        } else if (image.depth() != CV_8U) {
            throw new InvalidInputException("optical flow: unsupported pixel depth " + image.depth()
                    + "; convert the picture to 8 or 16 bits per channel");
        }
        Mat grey = new Mat();
        switch (eight.channels()) {
            case 1 -> eight.copyTo(grey);
            case 3 -> opencv_imgproc.cvtColor(eight, grey, opencv_imgproc.COLOR_BGR2GRAY);
            case 4 -> opencv_imgproc.cvtColor(eight, grey, opencv_imgproc.COLOR_BGRA2GRAY);
            default -> throw new InvalidInputException("optical flow: " + eight.channels()
                    + " channels are not supported; use grey, BGR or BGRA pictures");
        }
        if (eight != image) {
            eight.close();
        }
        return grey;
    }

    private static void checkSameSize(Mat a, Mat b) {
        if (a.cols() != b.cols() || a.rows() != b.rows()) {
            throw new InvalidInputException("optical flow: pictures differ in size (" + a.cols() + "x" + a.rows()
                    + " vs " + b.cols() + "x" + b.rows() + "); resize them to one size first");
        }
    }

    @Override
    public void close() {
        dis.close();
    }
}

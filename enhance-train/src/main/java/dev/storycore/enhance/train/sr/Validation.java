package dev.storycore.enhance.train.sr;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.measure.ImageQuality;
import dev.storycore.enhance.model.FloatTensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Scores an upscaler on held-out pictures (Set5 by default; it is for display during training and is
 * never trained on): each HR picture is cropped to the scale, shrunk by {@link LowResolution}, upscaled,
 * rounded to 8 bits and measured as mean Y-PSNR with {@code scale} pixels shaved, by the project's
 * {@link ImageQuality}.
 */
final class Validation implements AutoCloseable {
    private final int scale;
    private final List<Mat> highRes = new ArrayList<>();
    private final List<Mat> lowRes = new ArrayList<>();

    private Validation(int scale) {
        this.scale = scale;
    }

    static Validation load(Path folder, int scale) {
        Validation v = new Validation(scale);
        for (Path file : PictureFiles.list(List.of(folder))) {
            Mat hr = PictureFiles.readCropped(file, scale);
            v.highRes.add(hr);
            v.lowRes.add(LowResolution.downscale(hr, scale));
        }
        return v;
    }

    int size() {
        return highRes.size();
    }

    /** Mean Y-PSNR of {@code upscaler} (LR tensor → HR tensor, RGB in [0, 1]). */
    double psnr(UnaryOperator<FloatTensor> upscaler) {
        double sum = 0;
        for (int i = 0; i < highRes.size(); i++) {
            FloatTensor out = upscaler.apply(TensorPictures.toTensor(lowRes.get(i)));
            try (Mat picture = TensorPictures.toBgr(out)) {
                sum += ImageQuality.psnrY(highRes.get(i), picture, scale);
            }
        }
        return sum / highRes.size();
    }

    /** Mean Y-PSNR of OpenCV's bicubic upscale of the same LR pictures: the baseline to beat. */
    double bicubicPsnr() {
        double sum = 0;
        for (int i = 0; i < highRes.size(); i++) {
            Mat hr = highRes.get(i);
            try (Mat up = new Mat()) {
                resize(lowRes.get(i), up, new Size(hr.cols(), hr.rows()), 0, 0, INTER_CUBIC);
                sum += ImageQuality.psnrY(hr, up, scale);
            }
        }
        return sum / highRes.size();
    }

    @Override
    public void close() {
        highRes.forEach(Mat::close);
        lowRes.forEach(Mat::close);
    }
}

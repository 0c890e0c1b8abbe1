package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2YCrCb;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_YCrCb2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_photo.fastNlMeansDenoising;

import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Non-local means (Buades, Coll and Morel, "A non-local algorithm for image denoising", CVPR 2005)
 * with OpenCV's {@code fastNlMeansDenoising}, in a luma/chroma split: luma (Y of YCrCb) is denoised
 * at full resolution, the two chroma channels together at half resolution (chroma carries little
 * detail, and averaging 2x2 halves the chroma noise before matching) and upsampled bilinearly.
 * Filter strengths follow the estimated noise: h_luma = 0.75 sigma, h_chroma = 0.35 sigma, found
 * on colour BSD68 at sigma 15 and 25 (docs/quality.md). Patches 5x5, search window 7x7: most of
 * the quality of the 21x21 default at a sixth of the cost.
 */
final class NlMeansDenoiser implements Correction {
    static final double H_LUMA_PER_SIGMA = 0.75;
    static final double H_CHROMA_PER_SIGMA = 0.35;
    static final int TEMPLATE = 5;
    static final int SEARCH = 7;

    @Override
    public CorrectionType type() {
        return CorrectionType.DENOISE;
    }

    /** Parameters for a noise level (8-bit units). */
    static Map<String, Double> parametersFor(double sigma) {
        return Map.of("sigma", sigma, "h_luma", H_LUMA_PER_SIGMA * sigma, "h_chroma", H_CHROMA_PER_SIGMA * sigma);
    }

    @Override
    public Mat apply(Mat bgr8, Map<String, Double> p) {
        double sigma = Correction.param(p, "sigma", 10);
        float hLuma = (float) Correction.param(p, "h_luma", H_LUMA_PER_SIGMA * sigma);
        float hChroma = (float) Correction.param(p, "h_chroma", H_CHROMA_PER_SIGMA * sigma);
        try (Mat ycc = new Mat(); MatVector planes = new MatVector(); Mat y = new Mat();
             Mat chroma = new Mat(); Mat half = new Mat(); Mat halfDenoised = new Mat(); Mat chromaUp = new Mat();
             MatVector chromaPlanes = new MatVector(); Mat merged = new Mat()) {
            cvtColor(bgr8, ycc, COLOR_BGR2YCrCb);
            split(ycc, planes);
            try (Mat y0 = planes.get(0); Mat cr = planes.get(1); Mat cb = planes.get(2);
                 MatVector crcb = new MatVector(cr, cb)) {
                fastNlMeansDenoising(y0, y, hLuma, TEMPLATE, SEARCH);
                merge(crcb, chroma);
            }
            int hw = Math.max(1, bgr8.cols() / 2);
            int hh = Math.max(1, bgr8.rows() / 2);
            try (Size halfSize = new Size(hw, hh); Size fullSize = new Size(bgr8.cols(), bgr8.rows())) {
                resize(chroma, half, halfSize, 0, 0, INTER_AREA);
                fastNlMeansDenoising(half, halfDenoised, hChroma, TEMPLATE, SEARCH);
                resize(halfDenoised, chromaUp, fullSize, 0, 0, INTER_LINEAR);
            }
            split(chromaUp, chromaPlanes);
            try (Mat cr = chromaPlanes.get(0); Mat cb = chromaPlanes.get(1); MatVector all = new MatVector(y, cr, cb)) {
                merge(all, merged);
            }
            Mat out = new Mat();
            cvtColor(merged, out, COLOR_YCrCb2BGR);
            return out;
        }
    }
}

package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.Sobel;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;

import dev.storycore.enhance.measure.ImageQuality;
import dev.storycore.enhance.ops.motion.Consistency;
import dev.storycore.enhance.ops.motion.DenseFlow;
import dev.storycore.enhance.ops.motion.FlowPair;
import dev.storycore.enhance.ops.motion.Warp;
import org.bytedeco.opencv.opencv_core.Mat;

/** Scores for stylized video, computed from pixels. */
public final class StyleMetrics {
    private StyleMetrics() {
    }

    /**
     * Temporal warping error (Lai et al., "Learning blind video temporal consistency", ECCV 2018):
     * E = Σ M(x)·‖O_t(x) − Ô_{t−1}(x)‖² / Σ M(x), where Ô_{t−1} is the previous stylized frame warped to
     * frame t by the optical flow of the ORIGINAL frames, and M masks pixels occluded between them
     * (forward–backward check). Colours on a 0..1 scale, squared error summed over the three channels.
     * The flow comes from the caller's estimator, which should differ from the one the operation used.
     */
    public static double warpingError(Mat prevOriginal, Mat original, Mat prevStyled, Mat styled, DenseFlow flow) {
        try (FlowPair f = flow.estimateBoth(prevOriginal, original);
             Mat visible = Consistency.visibleMask(f.backward(), f.forward());
             Mat warped = Warp.backward(prevStyled, f.backward())) {
            byte[] a = Pixels.bytes(styled);
            byte[] b = Pixels.bytes(warped);
            byte[] m = Pixels.bytes(visible);
            int ch = styled.channels();
            double sum = 0;
            long n = 0;
            for (int i = 0; i < m.length; i++) {
                if (m[i] == 0) {
                    continue;
                }
                double e = 0;
                for (int k = 0; k < ch; k++) {
                    double d = (Pixels.u(a[ch * i + k]) - Pixels.u(b[ch * i + k])) / 255.0;
                    e += d * d;
                }
                sum += e;
                n++;
            }
            return n == 0 ? 0 : sum / n;
        }
    }

    /**
     * Content (structure) preservation: SSIM between the gradient-magnitude maps of the original and the
     * stylized picture (Sobel on grey, 8-bit). 1 means the stylized picture has the same edges where the
     * original has them; a style that invents or drops structure scores lower.
     */
    public static double structurePreservation(Mat original, Mat styled) {
        try (Mat a = gradientMagnitude(original); Mat b = gradientMagnitude(styled)) {
            return ImageQuality.ssim(a, b);
        }
    }

    private static Mat gradientMagnitude(Mat bgr) {
        try (Mat grey = new Mat(); Mat dx = new Mat(); Mat dy = new Mat(); Mat soft = new Mat()) {
            cvtColor(bgr, grey, COLOR_BGR2GRAY);
            Blur.gaussian(grey, soft, 1.0);
            Sobel(soft, dx, CV_32F, 1, 0);
            Sobel(soft, dy, CV_32F, 0, 1);
            float[] x = Pixels.floats(dx);
            float[] y = Pixels.floats(dy);
            byte[] m = new byte[x.length];
            for (int i = 0; i < x.length; i++) {
                m[i] = Pixels.clampByte(Math.sqrt(x[i] * x[i] + y[i] * y[i]) / 4);
            }
            Mat out = Pixels.mat(m, bgr.rows(), bgr.cols(), 1);
            assert out.depth() == CV_8U;
            return out;
        }
    }
}

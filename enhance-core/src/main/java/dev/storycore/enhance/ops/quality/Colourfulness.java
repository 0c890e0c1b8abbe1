package dev.storycore.enhance.ops.quality;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.addWeighted;
import static org.bytedeco.opencv.global.opencv_core.meanStdDev;
import static org.bytedeco.opencv.global.opencv_core.split;
import static org.bytedeco.opencv.global.opencv_core.subtract;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;

/**
 * Colourfulness M of Hasler and Suesstrunk ("Measuring colourfulness in natural images", SPIE Human
 * Vision and Electronic Imaging 2003): with rg = R - G and yb = (R + G)/2 - B on 8-bit values,
 * M = sqrt(sd(rg)^2 + sd(yb)^2) + 0.3 * sqrt(mean(rg)^2 + mean(yb)^2). Their scale: 0 not colourful,
 * 15 slightly, 33 moderately, 45 averagely, 59 quite, 82 highly, 109 extremely colourful.
 * Noise inflates the two standard deviations (independent channel noise of sigma adds 2 sigma^2 to
 * var(rg) and 1.5 sigma^2 to var(yb)), so the estimated noise is subtracted from the variances first;
 * otherwise a noisy grey picture would read as colourful.
 */
final class Colourfulness {
    private Colourfulness() {
    }

    /** @param noiseSigma noise standard deviation of the small copy, 8-bit units */
    static double measure(AnalysisImages images, double noiseSigma) {
        try (Mat f = new Mat(); MatVector ch = new MatVector(); Mat rg = new Mat(); Mat yb = new Mat();
             Mat rgPlusG = new Mat()) {
            images.smallBgr.convertTo(f, CV_32F);
            split(f, ch);
            try (Mat b = ch.get(0); Mat g = ch.get(1); Mat r = ch.get(2)) {
                subtract(r, g, rg);
                addWeighted(r, 0.5, g, 0.5, 0, rgPlusG);
                subtract(rgPlusG, b, yb);
            }
            double[] a = meanAndStd(rg);
            double[] y = meanAndStd(yb);
            double n2 = noiseSigma * noiseSigma;
            double varRg = Math.max(0, a[1] * a[1] - 2 * n2);
            double varYb = Math.max(0, y[1] * y[1] - 1.5 * n2);
            return Math.sqrt(varRg + varYb) + 0.3 * Math.hypot(a[0], y[0]);
        }
    }

    private static double[] meanAndStd(Mat m) {
        try (Mat mu = new Mat(); Mat sd = new Mat()) {
            meanStdDev(m, mu, sd);
            return new double[] {new DoublePointer(mu.data()).get(0), new DoublePointer(sd.data()).get(0)};
        }
    }
}

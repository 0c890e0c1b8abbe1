package dev.storycore.enhance.ops.quality;

import org.bytedeco.opencv.opencv_core.Mat;

/** Runs every measure once on a picture (and optionally its reference) and collects the raw values. */
final class PixelMeasurer {
    private PixelMeasurer() {
    }

    static Measurements measure(Mat image, Mat reference) {
        try (AnalysisImages img = AnalysisImages.of(image)) {
            NoiseEstimator.Result noise = NoiseEstimator.estimate(img);
            double blur = BlurEffect.measure(img);
            ColourCast.Result cast = ColourCast.measure(img);
            ToneStatistics tone = ToneStatistics.measure(img);
            double colourfulness = Colourfulness.measure(img, noise.sigma() * img.smallScale());
            GreyEdgeIlluminant.Estimate illuminant = GreyEdgeIlluminant.estimate(img.smallBgr);
            Blockiness.Result block = Blockiness.measure(img);
            Ringing.Result ringing = Ringing.measure(img);
            double detail = Double.NaN;
            if (reference != null) {
                detail = detailAgainst(reference, img);
            }
            return new Measurements(img.width(), img.height(), noise.sigma(), blur, cast.neutralA(),
                    cast.neutralB(), cast.cast(), cast.castFactor(), cast.chromaSpread(), illuminant.angleDegrees(), illuminant.b(), illuminant.g(), illuminant.r(),
                    illuminant.agreedAngle(),
                    tone.meanLuma(), tone.rmsContrast(), tone.p1(),
                    tone.p99(), tone.highlightClipped(), tone.shadowClipped(), colourfulness, cast.meanChroma(),
                    block.ratio(), ringing.ratio(), detail);
        }
    }

    private static double detailAgainst(Mat reference, AnalysisImages img) {
        try (AnalysisImages ref = AnalysisImages.of(reference)) {
            if (ref.width() != img.width() || ref.height() != img.height()) {
                throw new dev.storycore.enhance.errors.InvalidInputException("quality analysis: reference is "
                        + ref.width() + "x" + ref.height() + " but the picture is " + img.width() + "x"
                        + img.height() + "; pass a reference of the same size");
            }
            double refNoise = NoiseEstimator.estimate(ref).sigma();
            return GradientSimilarity.measure(ref.fullGrey(), img.fullGrey(), refNoise);
        }
    }
}

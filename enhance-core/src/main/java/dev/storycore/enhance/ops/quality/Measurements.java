package dev.storycore.enhance.ops.quality;

/**
 * The raw values measured from a picture's pixels, before they are mapped to scores. Units: 8-bit
 * grey levels (0-255) unless noted; docs/quality.md describes each method.
 *
 * @param width             picture width
 * @param height            picture height
 * @param noiseSigma        estimated noise standard deviation, mean over channels (Immerkaer 1996 / Tai-Yang 2008)
 * @param blurEffect        Crete-Roffet blur effect in [0,1] (higher = blurrier)
 * @param castA             mean a* of near-neutral pixels (CIELAB)
 * @param castB             mean b* of near-neutral pixels (CIELAB)
 * @param cast              length of (castA, castB), Delta-E units
 * @param castFactor        Gasparini-Schettini equivalent cast factor K = D / M
 * @param chromaSpread      Gasparini-Schettini M: spread of the (a*, b*) distribution (low = one hue or none)
 * @param illuminantAngle   angle in degrees between the grey-edge illuminant estimate and neutral grey
 * @param illuminantB       blue component of the grey-edge illuminant estimate (components average 1)
 * @param illuminantG       green component
 * @param illuminantR       red component
 * @param agreedCastAngle   smallest angle to neutral over three illuminant estimators (grey-edge p=6 and p=1, shades-of-grey p=6)
 * @param meanLuma          mean luma in [0,1]
 * @param rmsContrast       RMS contrast (standard deviation of luma) in [0,1]
 * @param lumaP1            1st percentile of luma (0-255)
 * @param lumaP99           99th percentile of luma (0-255)
 * @param highlightClipped  share of pixels with luma >= 250
 * @param shadowClipped     share of pixels with luma <= 5
 * @param colourfulness     Hasler-Suesstrunk colourfulness M (0 grey, ~45 average, 109+ extreme)
 * @param meanChroma        mean CIELAB chroma C*
 * @param blockiness        8x8 blockiness ratio (1 = none)
 * @param ringing           ringing ratio (activity near strong edges over activity far from edges)
 * @param detailSimilarity  one-sided gradient magnitude similarity against the reference in [0,1], or NaN without one
 */
public record Measurements(int width, int height, double noiseSigma, double blurEffect, double castA, double castB,
                           double cast, double castFactor, double chromaSpread, double illuminantAngle,
                           double illuminantB, double illuminantG, double illuminantR, double agreedCastAngle, double meanLuma, double rmsContrast, int lumaP1,
                           int lumaP99, double highlightClipped, double shadowClipped, double colourfulness,
                           double meanChroma, double blockiness, double ringing, double detailSimilarity) {

    public boolean hasReference() {
        return !Double.isNaN(detailSimilarity);
    }

    /** Spread between the 1st and 99th luma percentiles as a share of the 8-bit range. */
    public double lumaSpread() {
        return (lumaP99 - lumaP1) / 255.0;
    }
}

package dev.storycore.enhance.ops.quality;

import static dev.storycore.enhance.ops.quality.PixelStats.ramp;

import java.util.EnumSet;
import java.util.Set;

/**
 * Maps raw measurements to scores in [0,1] (1 = no problem). Each mapping is a clamped linear ramp
 * between two anchor values chosen from the measurements of the 68 clean colour BSD68 photographs
 * and their controlled degradations (docs/quality.md lists both distributions): the "good" anchor
 * sits at or beyond the 90th percentile of clean pictures, the "bad" anchor near the median of the
 * degraded ones.
 */
final class Calibration {
    // sharpness: blur effect, clean 0.18-0.31 (10th-90th percentile), Gaussian blur sigma 1.5: 0.47-0.59
    static final double BLUR_GOOD = 0.32;
    static final double BLUR_BAD = 0.62;
    // noise sigma (8-bit units): clean median 2.9, 90th percentile 6.4
    static final double NOISE_GOOD = 4.0;
    static final double NOISE_BAD = 20.0;
    // colour: grey-edge illuminant angle, clean median 2.5 degrees (90th 6.6), warm cast class median 8.0
    static final double CAST_GOOD = 2.0;
    static final double CAST_BAD = 11.0;
    // contrast: 1st-99th luma percentile spread, clean median 0.85; halved contrast: 0.43
    static final double SPREAD_BAD = 0.35;
    static final double SPREAD_GOOD = 0.70;
    // exposure (dark side): key = (mean luma + p99 / 255) / 2, clean median 0.69, 1.5 stops under: 0.43
    static final double KEY_BAD = 0.33;
    static final double KEY_GOOD = 0.55;
    // exposure (bright side)
    static final double MEAN_BRIGHT_GOOD = 0.68;
    static final double MEAN_BRIGHT_BAD = 0.88;
    static final double HIGHLIGHT_GOOD = 0.02;
    static final double HIGHLIGHT_BAD = 0.15;
    static final double SHADOW_GOOD = 0.04;
    static final double SHADOW_BAD = 0.25;
    // saturation: Hasler-Suesstrunk colourfulness, clean 20-62
    static final double COLOURFUL_BAD = 5;
    static final double COLOURFUL_GOOD = 25;
    static final double OVERSATURATED_GOOD = 95;
    static final double OVERSATURATED_BAD = 140;
    // artefacts: blockiness ratio, clean 1.02-1.10, JPEG quality 20: 1.48-2.37; ringing ratio, clean 1.5-4.5
    static final double BLOCK_GOOD = 1.10;
    static final double BLOCK_BAD = 1.90;
    static final double RING_GOOD = 5.0;
    static final double RING_BAD = 10.0;
    // detail preservation: one-sided gradient similarity
    static final double DETAIL_BAD = 0.70;
    static final double DETAIL_GOOD = 0.97;
    // style traits
    static final double DESATURATED_BELOW = 12;
    static final double ONE_HUE_SPREAD_BELOW = 7;
    static final double HIGH_CONTRAST_RMS = 0.20;
    static final double HIGH_CONTRAST_CLIPPED = 0.06;

    private Calibration() {
    }

    static double sharpness(Measurements m) {
        return ramp(m.blurEffect(), BLUR_BAD, BLUR_GOOD);
    }

    static double noise(Measurements m) {
        return ramp(m.noiseSigma(), NOISE_BAD, NOISE_GOOD);
    }

    static double colourAccuracy(Measurements m) {
        return ramp(m.illuminantAngle(), CAST_BAD, CAST_GOOD);
    }

    static double contrast(Measurements m) {
        return ramp(m.lumaSpread(), SPREAD_BAD, SPREAD_GOOD);
    }

    /** Exposure key: mean luma and the 99th percentile together (a dark scene with bright highlights is not under-exposed). */
    static double exposureKey(Measurements m) {
        return (m.meanLuma() + m.lumaP99() / 255.0) / 2;
    }

    static double exposure(Measurements m) {
        double dark = ramp(exposureKey(m), KEY_BAD, KEY_GOOD);
        double bright = ramp(m.meanLuma(), MEAN_BRIGHT_BAD, MEAN_BRIGHT_GOOD);
        double highlights = ramp(m.highlightClipped(), HIGHLIGHT_BAD, HIGHLIGHT_GOOD);
        double shadows = ramp(m.shadowClipped(), SHADOW_BAD, SHADOW_GOOD);
        return Math.min(Math.min(dark, bright), Math.min(highlights, shadows));
    }

    static double saturation(Measurements m) {
        return Math.min(ramp(m.colourfulness(), COLOURFUL_BAD, COLOURFUL_GOOD),
                ramp(m.colourfulness(), OVERSATURATED_BAD, OVERSATURATED_GOOD));
    }

    static double artefacts(Measurements m) {
        return Math.min(ramp(m.blockiness(), BLOCK_BAD, BLOCK_GOOD), ramp(m.ringing(), RING_BAD, RING_GOOD));
    }

    static double detail(Measurements m) {
        return m.hasReference() ? ramp(m.detailSimilarity(), DETAIL_BAD, DETAIL_GOOD) : 1.0;
    }

    static Set<StyleTrait> style(Measurements m) {
        Set<StyleTrait> traits = EnumSet.noneOf(StyleTrait.class);
        // nearly grey, or a tinted monochrome (sepia, cyanotype): all pixels share one hue
        if (m.colourfulness() < DESATURATED_BELOW || m.chromaSpread() < ONE_HUE_SPREAD_BELOW) {
            traits.add(StyleTrait.DESATURATED);
        }
        // deep blacks AND bright whites with much of the frame at the ends: a hard look, not a failed exposure
        if (m.rmsContrast() >= HIGH_CONTRAST_RMS && m.lumaP1() <= ToneStatistics.SHADOW
                && m.lumaP99() >= ToneStatistics.HIGHLIGHT
                && m.highlightClipped() + m.shadowClipped() >= HIGH_CONTRAST_CLIPPED) {
            traits.add(StyleTrait.HIGH_CONTRAST);
        }
        return traits;
    }
}

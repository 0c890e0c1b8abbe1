package dev.storycore.enhance.ops.quality;

import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Component-wise median of the measurements of several frames: one stable description of a shot. */
final class MeasurementsMedian {
    private MeasurementsMedian() {
    }

    static Measurements of(List<Measurements> all) {
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no measurements to combine");
        }
        Measurements f = all.get(0);
        return new Measurements(f.width(), f.height(), med(all, Measurements::noiseSigma),
                med(all, Measurements::blurEffect), med(all, Measurements::castA), med(all, Measurements::castB),
                med(all, Measurements::cast), med(all, Measurements::castFactor), med(all, Measurements::chromaSpread),
                med(all, Measurements::illuminantAngle), med(all, Measurements::illuminantB),
                med(all, Measurements::illuminantG), med(all, Measurements::illuminantR),
                med(all, Measurements::agreedCastAngle),
                med(all, Measurements::meanLuma), med(all, Measurements::rmsContrast),
                (int) Math.round(med(all, Measurements::lumaP1)), (int) Math.round(med(all, Measurements::lumaP99)),
                med(all, Measurements::highlightClipped), med(all, Measurements::shadowClipped),
                med(all, Measurements::colourfulness), med(all, Measurements::meanChroma),
                med(all, Measurements::blockiness), med(all, Measurements::ringing),
                med(all, Measurements::detailSimilarity));
    }

    private static double med(List<Measurements> all, ToDoubleFunction<Measurements> f) {
        double[] v = all.stream().mapToDouble(f).toArray();
        if (Arrays.stream(v).anyMatch(Double::isNaN)) {
            return Double.NaN;
        }
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}

package dev.storycore.enhance.bench.tfjs;

import java.util.Arrays;
import java.util.List;

/**
 * Times of the measured runs of one peer, in milliseconds.
 *
 * @param wallMs wall-clock time of each run
 * @param cpuMs  CPU time the process used during each run (all threads), which a loaded machine
 *               distorts less than wall time
 */
public record Timing(List<Double> wallMs, List<Double> cpuMs) {
    public double medianWallMs() {
        return median(wallMs);
    }

    public double medianCpuMs() {
        return median(cpuMs);
    }

    static double median(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    @Override
    public String toString() {
        return "wall " + Arrays.toString(wallMs.toArray()) + " cpu " + Arrays.toString(cpuMs.toArray());
    }
}

package dev.storycore.enhance.bench.tiles;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.model.ModelLoader;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How fast a model runs per megapixel of input at different tile sizes, in ONNX Runtime: one warm-up
 * run per size (which also lets ONNX Runtime plan memory for that shape), then timed runs on a
 * textured random picture; medians of wall and process CPU time per input megapixel. Larger tiles
 * amortise per-call costs and waste less on overlap; the catalog's "tile" comes from this sweep.
 * Run it with {@code ./storycore bench tiles --model esrgan-slim-x2}.
 */
public final class TileSizeSweep {
    /** One tile size's medians, in seconds per input megapixel. */
    public record Row(int tile, double wallSecondsPerMpix, double cpuSecondsPerMpix) {
    }

    private TileSizeSweep() {
    }

    public static List<Row> run(ModelLoader loader, String modelId, int[] tiles, int runs) {
        if (runs < 1 || tiles.length == 0 || Arrays.stream(tiles).anyMatch(t -> t < 8)) {
            throw new InvalidInputException("bench tiles needs --runs >= 1 and tile sizes >= 8");
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<Row> rows = new ArrayList<>();
        try (ImageModel model = loader.load(modelId)) {
            for (int tile : tiles) {
                FloatTensor input = texture(tile, model.valueRange().max());
                model.run(input);
                double mpix = tile * (double) tile / 1e6;
                double[] wall = new double[runs];
                double[] cpu = new double[runs];
                for (int i = 0; i < runs; i++) {
                    long c0 = os.getProcessCpuTime();
                    long t0 = System.nanoTime();
                    model.run(input);
                    wall[i] = (System.nanoTime() - t0) / 1e9 / mpix;
                    cpu[i] = (os.getProcessCpuTime() - c0) / 1e9 / mpix;
                }
                rows.add(new Row(tile, median(wall), median(cpu)));
            }
        }
        return rows;
    }

    public static String format(String modelId, List<Row> rows) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "model %s, ONNX Runtime, seconds per input megapixel (medians)%n%6s %10s %10s%n", modelId, "tile",
                "wall s/MP", "cpu s/MP"));
        for (Row r : rows) {
            s.append(String.format(Locale.ROOT, "%6d %10.2f %10.2f%n", r.tile(), r.wallSecondsPerMpix(),
                    r.cpuSecondsPerMpix()));
        }
        return s.toString();
    }

    /** Smooth gradients plus noise, in the model's range: real work for every layer, same for every size. */
    private static FloatTensor texture(int size, float max) {
        Random random = new Random(size);
        float[] data = new float[3 * size * size];
        for (int c = 0; c < 3; c++) {
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    double v = 0.5 + 0.3 * Math.sin((x + 7 * c) / 9.0) * Math.cos(y / 13.0) + 0.1 * random.nextGaussian();
                    data[(c * size + y) * size + x] = (float) Math.min(1, Math.max(0, v)) * max;
                }
            }
        }
        return new FloatTensor(data, new long[] {1, 3, size, size});
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}

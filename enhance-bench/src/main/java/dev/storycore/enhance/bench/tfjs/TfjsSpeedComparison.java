package dev.storycore.enhance.bench.tfjs;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelFile;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * Speed of one UpscalerJS model in its own runtime (TF.js on Node: the pure-JS CPU backend and the
 * WebAssembly backend) against the same model converted to ONNX and run by ONNX Runtime here, on the
 * package's own 128x128 fixture. Each peer gets warm-up runs, then timed runs; the report gives the
 * median wall and CPU time per run, the ratio to ONNX Runtime, and the largest output difference
 * between each peer and ONNX Runtime (so the peers are known to compute the same thing).
 *
 * <p>Run it with {@code ./storycore bench tfjs} (defaults: esrgan-slim-x2, 2 warm-ups, 5 runs; the JS
 * CPU backend, roughly 10 s of CPU per run, gets 1 warm-up and 3 runs).
 */
public final class TfjsSpeedComparison {
    /** The TF.js version the UpscalerJS 1.0.0 model packages declare as their peer (~4.11.0). */
    public static final String TFJS_VERSION = "4.11.0";

    /**
     * @param modelId    catalog id (must be fetched)
     * @param warmups    untimed runs per peer
     * @param runs       timed runs for ONNX Runtime and TF.js wasm
     * @param cpuRuns    timed runs for the slow pure-JS backend (0 skips it)
     * @param tfjsHome   folder for the npm-installed TF.js packages
     */
    public record Options(String modelId, int warmups, int runs, int cpuRuns, Path tfjsHome) {
        public Options {
            if (warmups < 0 || runs < 1 || cpuRuns < 0) {
                throw new InvalidInputException("bench tfjs needs --warmups >= 0, --runs >= 1 and --cpu-runs >= 0");
            }
        }
    }

    /** One peer's line of the report. */
    public record Row(String runtime, int threads, Timing timing, double maxAbsDiffToOnnx) {
    }

    /** The measured report: the model, the input size and one row per peer (ONNX Runtime first). */
    public record Report(String modelId, int scale, int width, int height, String tfjsVersion, List<Row> rows) {
        public String format() {
            StringBuilder s = new StringBuilder();
            Row onnx = rows.get(0);
            s.append(String.format(Locale.ROOT, "model %s: its %dx%d fixture -> %dx%d, median per run%n",
                    modelId, width, height, width * scale, height * scale));
            s.append(String.format(Locale.ROOT, "%-38s %7s %4s %10s %10s %8s %8s %10s%n", "runtime", "threads", "runs",
                    "wall ms", "cpu ms", "wall x", "cpu x", "max |diff|"));
            for (Row r : rows) {
                s.append(String.format(Locale.ROOT, "%-38s %7d %4d %10.1f %10.1f %7.2fx %7.2fx %10s%n", r.runtime(),
                        r.threads(), r.timing().wallMs().size(), r.timing().medianWallMs(), r.timing().medianCpuMs(),
                        r.timing().medianWallMs() / onnx.timing().medianWallMs(),
                        r.timing().medianCpuMs() / onnx.timing().medianCpuMs(),
                        r == onnx ? "-" : String.format(Locale.ROOT, "%.4f", r.maxAbsDiffToOnnx())));
            }
            s.append("x = this runtime's median time / ONNX Runtime's (higher = ONNX Runtime faster);"
                    + " max |diff| = largest output difference to ONNX Runtime, in the model's value range");
            return s.toString();
        }
    }

    private TfjsSpeedComparison() {
    }

    public static Report run(CatalogModelLoader loader, Options options, Consumer<String> log) {
        CatalogEntry entry = loader.catalog().require(options.modelId());
        Path modelDir = loader.store().requireAll(entry);
        Path modelJson = modelDir.resolve(entry.source().entry());
        ModelFile fixtureFile = entry.file(ModelFile.GOLDEN_INPUT).orElseThrow(() -> new InvalidInputException(
                "model " + entry.id() + " ships no fixture image; pick a model with one (e.g. esrgan-slim-x2)"));
        try {
            BufferedImage fixture = ImageIO.read(loader.store().require(entry, fixtureFile).toFile());
            int w = fixture.getWidth();
            int h = fixture.getHeight();
            float k = entry.inputRange().max() / 255f;
            float[] nchw = new float[3 * w * h];
            float[] nhwc = new float[3 * w * h];
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = fixture.getRGB(x, y);
                    for (int c = 0; c < 3; c++) {
                        float v = ((rgb >> (16 - 8 * c)) & 0xff) * k;
                        nchw[(c * h + y) * w + x] = v;
                        nhwc[(y * w + x) * 3 + c] = v;
                    }
                }
            }

            List<Row> rows = new ArrayList<>();
            log.accept("ONNX Runtime: " + options.warmups() + " warm-up + " + options.runs() + " runs");
            FloatTensor onnxOut;
            Timing onnxTiming;
            try (ImageModel model = loader.load(entry.id())) {
                FloatTensor input = new FloatTensor(nchw, new long[] {1, 3, h, w});
                List<Double> wall = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                FloatTensor last = null;
                for (int i = 0; i < options.warmups() + options.runs(); i++) {
                    long c0 = processCpuNanos();
                    long t0 = System.nanoTime();
                    last = model.run(input);
                    long t1 = System.nanoTime();
                    long c1 = processCpuNanos();
                    if (i >= options.warmups()) {
                        wall.add((t1 - t0) / 1e6);
                        cpu.add((c1 - c0) / 1e6);
                    }
                }
                onnxOut = last;
                onnxTiming = new Timing(wall, cpu);
            }
            rows.add(new Row("ONNX Runtime " + onnxRuntimeVersion() + " (Java, CPU)",
                    Runtime.getRuntime().availableProcessors(), onnxTiming, 0));

            TfjsRuntime tfjs = TfjsRuntime.install(options.tfjsHome(), TFJS_VERSION, log);
            Path work = Files.createTempDirectory("storycore-bench-tfjs");
            try {
                List<String> backends = new ArrayList<>(List.of("wasm"));
                if (options.cpuRuns() > 0) {
                    backends.add("cpu");
                }
                for (String backend : backends) {
                    int runs = backend.equals("cpu") ? options.cpuRuns() : options.runs();
                    int warmups = backend.equals("cpu") ? Math.min(1, options.warmups()) : options.warmups();
                    log.accept("TF.js " + TFJS_VERSION + " " + backend + " backend on Node: " + warmups
                            + " warm-up + " + runs + " runs");
                    TfjsRuntime.Run run = tfjs.run(modelJson, nhwc, h, w, runs, warmups, backend, work);
                    rows.add(new Row("TF.js " + run.tfjsVersion() + " " + run.backend() + " (Node " + nodeName(backend)
                            + ")", 1, run.timing(), maxAbsDiff(onnxOut, run.outputNhwc())));
                }
            } finally {
                deleteTree(work);
            }
            return new Report(entry.id(), entry.scale(), w, h, TFJS_VERSION, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nodeName(String backend) {
        return backend.equals("wasm") ? "WebAssembly" : "pure JS";
    }

    /** Largest |onnx - tfjs| over all values, comparing NCHW with NHWC positions. */
    static double maxAbsDiff(FloatTensor nchw, float[] nhwc) {
        int c = nchw.dim(1);
        int h = nchw.dim(2);
        int w = nchw.dim(3);
        if (nhwc.length != c * h * w) {
            return Double.POSITIVE_INFINITY;
        }
        double max = 0;
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    max = Math.max(max, Math.abs(nchw.data()[(ch * h + y) * w + x] - nhwc[(y * w + x) * c + ch]));
                }
            }
        }
        return max;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static String onnxRuntimeVersion() {
        String v = ai.onnxruntime.OrtEnvironment.class.getPackage().getImplementationVersion();
        return v == null ? "1.29" : v;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package dev.storycore.enhance.bench.sr;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.measure.BicubicDownscale;
import dev.storycore.enhance.measure.ImageQuality;
import dev.storycore.enhance.model.ModelLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The standard super-resolution evaluation, every method on the same inputs: for each factor, each
 * high-resolution picture is cropped to a multiple of the factor and shrunk ONCE with MATLAB-style
 * antialiased bicubic ({@link BicubicDownscale}); every method upscales that same low-resolution
 * picture back; the result is scored against the original on the BT.601 Y channel with a border of
 * {@code factor} pixels shaved ({@link ImageQuality#scoreY}). Speed is output megapixels per second
 * of upscaling time, measured after one untimed warm-up per method and factor.
 */
public final class SrBenchmark {
    private final ModelLoader loader;

    public SrBenchmark(ModelLoader loader) {
        this.loader = loader;
    }

    /**
     * @param data     a folder of PNG pictures (e.g. ../shared/data/sr/Set5)
     * @param scales   factors, e.g. 2, 3, 4
     * @param methods  names from {@link SrMethod#KNOWN}
     * @param tile     network tile (0 = the model's preferred)
     * @param crops    where to write side-by-side crops, or null
     * @param progress receives one line per picture and method
     */
    public SrBenchReport run(Path data, List<Integer> scales, List<String> methods, int tile, Path crops,
                             Consumer<String> progress) {
        List<Path> pictures = pictures(data);
        List<SrMethod> contenders = new ArrayList<>();
        try {
            for (String name : methods) {
                contenders.add(SrMethod.named(name, loader, tile));
            }
            List<SrBenchReport.Row> rows = new ArrayList<>();
            for (int scale : scales) {
                rows.addAll(runScale(pictures, scale, contenders, crops, progress));
            }
            return new SrBenchReport(data.getFileName().toString(), pictures.size(), protocol(), machine(), rows);
        } finally {
            contenders.forEach(SrMethod::close);
        }
    }

    private List<SrBenchReport.Row> runScale(List<Path> pictures, int scale, List<SrMethod> contenders, Path crops,
                                             Consumer<String> progress) {
        int n = contenders.size();
        double[] psnr = new double[n];
        double[] ssim = new double[n];
        double[] seconds = new double[n];
        double[] megapixels = new double[n];
        boolean[] warm = new boolean[n];
        String[] skipped = new String[n];
        for (int m = 0; m < n; m++) {
            skipped[m] = contenders.get(m).unavailable(scale).orElse(null);
        }
        for (Path picture : pictures) {
            try (Mat original = read(picture); Mat hr = BicubicDownscale.cropToMultiple(original, scale);
                 Mat lr = BicubicDownscale.shrink(hr, scale)) {
                Mat[] outputs = new Mat[n];
                try {
                    for (int m = 0; m < n; m++) {
                        if (skipped[m] != null) {
                            continue;
                        }
                        SrMethod method = contenders.get(m);
                        if (!warm[m]) {
                            method.upscale(lr, scale).close();
                            warm[m] = true;
                        }
                        long t0 = System.nanoTime();
                        outputs[m] = method.upscale(lr, scale);
                        double s = (System.nanoTime() - t0) / 1e9;
                        ImageQuality.Score score = ImageQuality.scoreY(hr, outputs[m], scale);
                        psnr[m] += score.psnr();
                        ssim[m] += score.ssim();
                        seconds[m] += s;
                        megapixels[m] += hr.total() / 1e6;
                        progress.accept(String.format(Locale.ROOT, "x%d %-14s %-16s %7.3f dB %.4f %6.2f s",
                                scale, method.name(), picture.getFileName(), score.psnr(), score.ssim(), s));
                    }
                    if (crops != null) {
                        CropSheet.write(crops, picture, scale, hr, contenders, outputs);
                    }
                } finally {
                    for (Mat o : outputs) {
                        if (o != null) {
                            o.close();
                        }
                    }
                }
            }
        }
        List<SrBenchReport.Row> rows = new ArrayList<>();
        int count = pictures.size();
        for (int m = 0; m < n; m++) {
            String name = contenders.get(m).name();
            rows.add(skipped[m] != null
                    ? new SrBenchReport.Row(scale, name, Double.NaN, Double.NaN, Double.NaN, 0, skipped[m])
                    : new SrBenchReport.Row(scale, name, psnr[m] / count, ssim[m] / count, megapixels[m] / seconds[m],
                    seconds[m], ""));
        }
        return rows;
    }

    static List<Path> pictures(Path data) {
        if (!Files.isDirectory(data)) {
            throw new InvalidInputException("benchmark data folder " + data + " does not exist; the SR sets live in"
                    + " ../shared/data/sr/Set5 and Set14 (see that folder's README)");
        }
        try (Stream<Path> files = Files.list(data)) {
            List<Path> pngs = files.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted().toList();
            if (pngs.isEmpty()) {
                throw new InvalidInputException("no PNG pictures in " + data);
            }
            return pngs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Mat read(Path picture) {
        Mat m = imread(picture.toString(), IMREAD_COLOR);
        if (m.empty()) {
            m.close();
            throw new InvalidInputException("cannot read " + picture + " as a picture");
        }
        return m;
    }

    static String protocol() {
        return "LR: HR cropped to a multiple of the factor, shrunk once with MATLAB-style antialiased bicubic"
                + " (a=-0.5); scores: BT.601 Y, border of <factor> px shaved, SSIM 11x11 Gaussian sigma 1.5";
    }

    static String machine() {
        return String.format(Locale.ROOT, "machine: %d cores, Java %s, %s", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), System.getProperty("os.arch"));
    }
}

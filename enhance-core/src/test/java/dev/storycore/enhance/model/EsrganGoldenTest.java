package dev.storycore.enhance.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelCatalog;
import dev.storycore.enhance.model.catalog.ModelFile;
import dev.storycore.enhance.model.store.ModelStore;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden test: each UpscalerJS package ships assets/fixture.png (128x128) and assets/samples/Nx/result.png,
 * the output of the model in its own runtime (TF.js). Our converted model in ONNX Runtime must reproduce
 * it within 2 grey levels on every RGB sample.
 *
 * <p>UpscalerJS's processing, which we mirror: RGB only (the fixture's alpha is 255 everywhere and
 * UpscalerJS accepts 3 channels only), input scaled to the model's range ([0,255] for rdn models,
 * [0,1] for rrdn), output clipped to the range, scaled to [0,255] and rounded to the nearest integer
 * (truncating instead leaves half the samples one level low; rounding matches all but a few).
 *
 * <p>Needs the fetched models ({@code ./storycore models fetch}, in the same model directory:
 * {@code STORYCORE_MODEL_DIR} or the default cache); each model that is not fetched is skipped with a
 * message. Set {@code -Dstorycore.golden.out=DIR} to write side-by-side PNGs (input | expected | ours |
 * difference x64) for inspection.
 */
class EsrganGoldenTest {
    private static final int TOLERANCE = 2;

    @TestFactory
    Stream<DynamicTest> ourOutputMatchesThePackagesOwnResult() {
        CatalogModelLoader loader = new CatalogModelLoader(ModelCatalog.load(), ModelStore.openDefault());
        return loader.catalog().entries().stream()
                .filter(e -> e.file(ModelFile.GOLDEN_EXPECTED).isPresent())
                .map(e -> DynamicTest.dynamicTest(e.id(), () -> check(loader, e)));
    }

    private static void check(CatalogModelLoader loader, CatalogEntry entry) throws IOException {
        String skip = "SKIPPED golden test for " + entry.id() + ": model not fetched into " + loader.store().dir()
                + " (run './storycore models fetch " + entry.id() + "')";
        if (!loader.isAvailable(entry.id())) {
            System.out.println(skip);
        }
        assumeTrue(loader.isAvailable(entry.id()), skip);
        BufferedImage input = ImageIO.read(loader.store().require(entry,
                entry.file(ModelFile.GOLDEN_INPUT).orElseThrow()).toFile());
        BufferedImage expected = ImageIO.read(loader.store().require(entry,
                entry.file(ModelFile.GOLDEN_EXPECTED).orElseThrow()).toFile());

        int[][] ours;
        try (ImageModel model = loader.load(entry.id())) {
            FloatTensor out = model.run(toTensor(input, model.valueRange()));
            ours = toRgb(out, model.valueRange());
            assertThat(out.dim(3)).isEqualTo(expected.getWidth());
            assertThat(out.dim(2)).isEqualTo(expected.getHeight());
        }

        int width = expected.getWidth();
        int height = expected.getHeight();
        int maxDiff = 0;
        long sumDiff = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int rgb = expected.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    int d = Math.abs(ours[c][y * width + x] - ((rgb >> (16 - 8 * c)) & 0xff));
                    maxDiff = Math.max(maxDiff, d);
                    sumDiff += d;
                }
            }
        }
        double meanDiff = sumDiff / (3.0 * width * height);
        System.out.printf("golden %s: %dx%d, max |diff| %d, mean |diff| %.4f grey levels%n",
                entry.id(), width, height, maxDiff, meanDiff);
        writeComparison(entry.id(), input, expected, ours);
        assertThat(maxDiff).as("largest RGB difference to the package's own result for " + entry.id())
                .isLessThanOrEqualTo(TOLERANCE);
        assertThat(meanDiff).as("mean RGB difference for " + entry.id()).isLessThan(0.05);
    }

    static FloatTensor toTensor(BufferedImage image, ValueRange range) {
        int w = image.getWidth();
        int h = image.getHeight();
        float k = (range.max() - range.min()) / 255f;
        float[] data = new float[3 * w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                for (int c = 0; c < 3; c++) {
                    data[c * w * h + y * w + x] = range.min() + ((rgb >> (16 - 8 * c)) & 0xff) * k;
                }
            }
        }
        return new FloatTensor(data, new long[] {1, 3, h, w});
    }

    /** Clip to the range, map to [0,255], round to nearest: UpscalerJS's post-processing. */
    static int[][] toRgb(FloatTensor out, ValueRange range) {
        int plane = out.dim(2) * out.dim(3);
        int[][] rgb = new int[3][plane];
        float k = 255f / (range.max() - range.min());
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < plane; i++) {
                float v = Math.min(range.max(), Math.max(range.min(), out.data()[c * plane + i]));
                rgb[c][i] = Math.round((v - range.min()) * k);
            }
        }
        return rgb;
    }

    private static void writeComparison(String id, BufferedImage input, BufferedImage expected, int[][] ours)
            throws IOException {
        String dir = System.getProperty("storycore.golden.out");
        if (dir == null) {
            return;
        }
        int w = expected.getWidth();
        int h = expected.getHeight();
        int scale = w / input.getWidth();
        BufferedImage sheet = new BufferedImage(4 * w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                int mine = ours[0][i] << 16 | ours[1][i] << 8 | ours[2][i];
                int theirs = expected.getRGB(x, y) & 0xffffff;
                int diff = 0;
                for (int c = 0; c < 3; c++) {
                    int d = Math.min(255, 64 * Math.abs(((mine >> (16 - 8 * c)) & 0xff) - ((theirs >> (16 - 8 * c)) & 0xff)));
                    diff |= d << (16 - 8 * c);
                }
                sheet.setRGB(x, y, input.getRGB(x / scale, y / scale) & 0xffffff);
                sheet.setRGB(w + x, y, theirs);
                sheet.setRGB(2 * w + x, y, mine);
                sheet.setRGB(3 * w + x, y, diff);
            }
        }
        Path out = Files.createDirectories(Path.of(dir)).resolve(id + "-golden.png");
        ImageIO.write(sheet, "png", out.toFile());
    }
}

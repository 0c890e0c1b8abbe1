package dev.storycore.enhance.ops.interpolate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.model.CatalogModelLoader;
import dev.storycore.enhance.model.catalog.CatalogEntry;
import dev.storycore.enhance.model.catalog.ModelCatalog;
import dev.storycore.enhance.model.onnx.Dim;
import dev.storycore.enhance.model.onnx.OnnxGraphBuilder;
import dev.storycore.enhance.model.store.ModelStore;
import dev.storycore.enhance.model.store.Sha256;
import dev.storycore.enhance.ops.motion.SyntheticScenes;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The neural path, with tiny ONNX networks of the (frame0, frame1, t) signature built here. */
class NeuralInterpolatorTest {
    @TempDir
    Path tmp;

    /** out = (1 − t)·frame0 + t·frame1: a network whose answer differs from the flow path's on moving content. */
    static byte[] blendNetwork() {
        return new OnnxGraphBuilder("linear-interpolation")
                .input("frame0", Dim.of(1), Dim.of(3), Dim.named("h"), Dim.named("w"))
                .input("frame1", Dim.of(1), Dim.of(3), Dim.named("h"), Dim.named("w"))
                .input("t", Dim.of(1))
                .initializer("one", new long[0], new float[] {1f})
                .node("Sub", List.of("one", "t"), List.of("rest"))
                .node("Mul", List.of("frame0", "rest"), List.of("early"))
                .node("Mul", List.of("frame1", "t"), List.of("late"))
                .node("Add", List.of("early", "late"), List.of("frame"))
                .output("frame", Dim.of(1), Dim.of(3), Dim.named("h"), Dim.named("w"))
                .toByteArray();
    }

    @Test
    void aNetworkGivenByPathMakesTheInBetweenFrames() throws Exception {
        Path file = tmp.resolve("blend.onnx");
        Files.write(file, blendNetwork());
        // 100 x 75 is not a multiple of the 32-pixel alignment: padding must be cropped away again.
        try (Mat a = SyntheticScenes.texture(100, 75, 51);
             Mat b = SyntheticScenes.translated(a, 4, 0);
             Interpolator neural = Interpolator.neural(file, InterpolationSettings.defaults());
             InterpolationPair pair = neural.prepare(a, b);
             Mat quarter = pair.at(0.25);
             Mat expected = new Mat();
             Mat start = pair.at(0)) {
            opencv_core.addWeighted(a, 0.75, b, 0.25, 0, expected);
            assertThat(pair.analysis().method()).isEqualTo(InterpolationMethod.NEURAL);
            assertThat(quarter.cols()).isEqualTo(100);
            assertThat(quarter.rows()).isEqualTo(75);
            assertThat(opencv_core.norm(quarter, expected, opencv_core.NORM_INF, new Mat())).isLessThanOrEqualTo(1);
            assertThat(FlowInterpolatorTest.identical(start, a)).isTrue();
        }
    }

    @Test
    void scenesCutsNeverReachTheNetwork() throws Exception {
        Path file = tmp.resolve("blend.onnx");
        Files.write(file, blendNetwork());
        try (Mat a = SyntheticScenes.texture(128, 96, 52);
             Mat b = SyntheticScenes.texture(128, 96, 53);
             Interpolator neural = Interpolator.neural(file, InterpolationSettings.defaults());
             InterpolationPair pair = neural.prepare(a, b);
             Mat middle = pair.at(0.5)) {
            assertThat(pair.analysis().method()).isEqualTo(InterpolationMethod.REPEAT);
            assertThat(FlowInterpolatorTest.identical(middle, a)).isTrue();
        }
    }

    @Test
    void greyAndBgraFramesGoThroughTheNetworkAsRgb() throws Exception {
        Path file = tmp.resolve("blend.onnx");
        Files.write(file, blendNetwork());
        try (Mat a = SyntheticScenes.texture(64, 64, 54);
             Mat b = SyntheticScenes.translated(a, 3, 0);
             Mat a1 = new Mat(); Mat b1 = new Mat(); Mat a4 = new Mat(); Mat b4 = new Mat();
             Interpolator neural = Interpolator.neural(file, InterpolationSettings.defaults())) {
            opencv_imgproc.cvtColor(a, a1, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.cvtColor(b, b1, opencv_imgproc.COLOR_BGR2GRAY);
            opencv_imgproc.cvtColor(a, a4, opencv_imgproc.COLOR_BGR2BGRA);
            opencv_imgproc.cvtColor(b, b4, opencv_imgproc.COLOR_BGR2BGRA);
            for (Mat[] p : new Mat[][] {{a1, b1}, {a4, b4}}) {
                try (Mat m = neural.interpolate(p[0], p[1], 0.5); Mat expected = new Mat()) {
                    opencv_core.addWeighted(p[0], 0.5, p[1], 0.5, 0, expected);
                    assertThat(m.type()).isEqualTo(p[0].type());
                    assertThat(opencv_core.norm(m, expected, opencv_core.NORM_INF, new Mat())).isLessThanOrEqualTo(2);
                }
            }
        }
    }

    @Test
    void aNetworkIsFoundByCatalogId() throws Exception {
        byte[] bytes = blendNetwork();
        ObjectMapper json = new ObjectMapper();
        ObjectNode root = json.createObjectNode().put("schema", 1);
        ObjectNode m = root.putArray("models").addObject().put("id", "linear-interp").put("task", Interpolator.CATALOG_TASK)
                .put("scale", 1).put("format", CatalogEntry.FORMAT_ONNX).put("tile", 256);
        m.putObject("source").put("type", "npm").put("package", "@test/interp").put("version", "1.0.0")
                .put("path", "").put("entry", "model.onnx");
        m.putArray("files").addObject().put("path", "model.onnx").put("role", "model").put("bytes", bytes.length)
                .put("sha256", Sha256.of(bytes));
        m.putObject("licence").put("spdx", "MIT").put("author", "test");
        m.putArray("inputRange").add(0).add(1);
        m.putArray("outputRange").add(0).add(1);
        ModelCatalog catalog = ModelCatalog.parse(new ByteArrayInputStream(json.writeValueAsBytes(root)), "test");
        ModelStore store = new ModelStore(tmp.resolve("models"), (pkg, version, dest) -> {
            throw new AssertionError("nothing should be fetched");
        });
        CatalogEntry entry = catalog.require("linear-interp");
        Path target = store.pathOf(entry, entry.files().get(0));
        Files.createDirectories(target.getParent());
        Files.write(target, bytes);
        try (Mat a = SyntheticScenes.texture(64, 48, 55);
             Mat b = SyntheticScenes.translated(a, 2, 0);
             Interpolator neural = Interpolator.neural("linear-interp", new CatalogModelLoader(catalog, store),
                     InterpolationSettings.defaults());
             InterpolationPair pair = neural.prepare(a, b)) {
            assertThat(pair.analysis().method()).isEqualTo(InterpolationMethod.NEURAL);
        }
        Files.write(target, new byte[] {1, 2, 3});
        assertThatThrownBy(() -> Interpolator.neural("linear-interp", new CatalogModelLoader(catalog, store),
                InterpolationSettings.defaults())).isInstanceOf(ModelException.class).hasMessageContaining("refusing");
    }

    @Test
    void aNetworkWithAnotherSignatureIsRefusedWithAReason() throws Exception {
        byte[] single = new OnnxGraphBuilder("identity")
                .input("x", Dim.of(1), Dim.of(3), Dim.named("h"), Dim.named("w"))
                .node("Identity", List.of("x"), List.of("y"))
                .output("y", Dim.of(1), Dim.of(3), Dim.named("h"), Dim.named("w"))
                .toByteArray();
        Path file = tmp.resolve("single.onnx");
        Files.write(file, single);
        assertThatThrownBy(() -> Interpolator.neural(file, InterpolationSettings.defaults()))
                .isInstanceOf(ModelException.class).hasMessageContaining("must take two frames");
        assertThatThrownBy(() -> Interpolator.neural(tmp.resolve("missing.onnx"), InterpolationSettings.defaults()))
                .isInstanceOf(ModelException.class).hasMessageContaining("does not exist");
    }
}

package dev.storycore.enhance.train.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.train.OfflinePyTorch;
import java.util.Random;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SrNetworkTest {
    /** The untrained network (zero residual) is bicubic, and its bicubic is OpenCV's INTER_CUBIC, borders included. */
    @ParameterizedTest
    @ValueSource(ints = {2, 3, 4})
    void untrainedNetworkEqualsOpenCvBicubic(int scale) {
        int w = 23;
        int h = 17;
        Random random = new Random(scale);
        float[] rgb = new float[3 * w * h];
        for (int i = 0; i < rgb.length; i++) {
            rgb[i] = random.nextFloat();
        }
        float[] expected = openCvBicubic(rgb, w, h, scale);
        try (NDManager manager = OfflinePyTorch.engine().newBaseManager()) {
            SrNetwork net = new SrNetwork(new NetworkSpec("custom", scale, 8, 1, 0));
            net.initialize(manager, DataType.FLOAT32, new Shape(1, 3, h, w));
            FloatTensor out = SrTrainer.infer(net, new ParameterStore(manager, false), manager,
                    new FloatTensor(rgb, new long[] {1, 3, h, w}));
            assertThat(out.shape()).containsExactly(1, 3, (long) h * scale, (long) w * scale);
            float maxDiff = 0;
            for (int i = 0; i < expected.length; i++) {
                // OpenCV's float path may exceed [0, 1] on overshoot; the network clips at inference.
                float e = Math.max(0f, Math.min(1f, expected[i]));
                maxDiff = Math.max(maxDiff, Math.abs(e - out.data()[i]));
            }
            assertThat(maxDiff).isLessThan(1e-5f);
        }
    }

    private static float[] openCvBicubic(float[] planar, int w, int h, int scale) {
        try (Mat src = new Mat(h, w, CV_32FC3); Mat dst = new Mat()) {
            try (FloatIndexer ix = src.createIndexer()) {
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < h; y++) {
                        for (int x = 0; x < w; x++) {
                            ix.put(y, x, c, planar[(c * h + y) * w + x]);
                        }
                    }
                }
            }
            resize(src, dst, new Size(w * scale, h * scale), 0, 0, INTER_CUBIC);
            int W = w * scale;
            int H = h * scale;
            float[] out = new float[3 * W * H];
            try (FloatIndexer ix = dst.createIndexer()) {
                for (int c = 0; c < 3; c++) {
                    for (int y = 0; y < H; y++) {
                        for (int x = 0; x < W; x++) {
                            out[(c * H + y) * W + x] = ix.get(y, x, c);
                        }
                    }
                }
            }
            return out;
        }
    }
}

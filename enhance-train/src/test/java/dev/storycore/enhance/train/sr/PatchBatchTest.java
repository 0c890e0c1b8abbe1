package dev.storycore.enhance.train.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import ai.djl.ndarray.NDManager;
import dev.storycore.enhance.train.OfflinePyTorch;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Random;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

class PatchBatchTest {
    @Test
    void theEightSymmetriesAreDistinctAndMapTheCornerWhereExpected() {
        int size = 4;
        byte[] rgb = new byte[size * size * 3];
        for (int i = 0; i < size * size; i++) {
            rgb[3 * i] = (byte) i; // red channel = raster index
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (int s = 0; s < 8; s++) {
            FloatBuffer out = FloatBuffer.allocate(3 * size * size);
            PatchBatch.copy(rgb, size, 0, 0, size, s, out, 0);
            float[] red = new float[size * size];
            out.get(0, red);
            seen.add(java.util.Arrays.toString(red));
            if (s == 0) {
                assertThat(red[1] * 255).isEqualTo(1f); // identity
            }
            if (s == 1) {
                assertThat(red[0] * 255).isEqualTo(3f); // mirrored in x: top-left shows the top-right pixel
            }
            if (s == 4) {
                assertThat(red[1] * 255).isEqualTo(4f); // transposed: (0,1) shows (1,0)
            }
        }
        assertThat(seen).hasSize(8);
    }

    /** Each LR patch is the bicubic shrink of its HR patch, under every symmetry (away from patch edges). */
    @Test
    void lowAndHighResolutionPatchesStayAPair() {
        int scale = 2;
        Random random = new Random(7);
        try (Mat hr = new Mat(64, 80, CV_8UC3)) {
            byte[] px = new byte[64 * 80 * 3];
            for (int y = 0; y < 64; y++) {
                for (int x = 0; x < 80; x++) {
                    for (int c = 0; c < 3; c++) {
                        double v = 128 + 60 * Math.sin(x * 0.3 + c) * Math.cos(y * 0.2) + random.nextInt(20);
                        px[(y * 80 + x) * 3 + c] = (byte) Math.max(0, Math.min(255, (int) v));
                    }
                }
            }
            hr.data().put(px);
            try (Mat lr = LowResolution.downscale(hr, scale)) {
                TrainingPicture pic = new TrainingPicture("synthetic", scale, lr.cols(), lr.rows(),
                        PictureFiles.rgbBytes(hr), PictureFiles.rgbBytes(lr));
                try (NDManager manager = OfflinePyTorch.engine().newBaseManager();
                     PatchBatch batch = new PatchBatch(manager, 8, 16, scale)) {
                    batch.fill(List.of(pic), new Random(3));
                    float[] low = batch.lowRes().toFloatArray();
                    float[] high = batch.highRes().toFloatArray();
                    for (int n = 0; n < 8; n++) {
                        assertPair(low, high, n, 16, scale);
                    }
                }
            }
        }
    }

    /** Shrinks the HR patch again and compares it with the LR patch in the interior. */
    private static void assertPair(float[] low, float[] high, int n, int p, int scale) {
        int hp = p * scale;
        try (Mat patch = new Mat(hp, hp, CV_8UC3)) {
            byte[] bgr = new byte[hp * hp * 3];
            for (int y = 0; y < hp; y++) {
                for (int x = 0; x < hp; x++) {
                    for (int c = 0; c < 3; c++) {
                        float v = high[((n * 3 + c) * hp + y) * hp + x];
                        bgr[(y * hp + x) * 3 + (2 - c)] = (byte) Math.round(v * 255);
                    }
                }
            }
            patch.data().put(bgr);
            try (Mat shrunk = LowResolution.downscale(patch, scale)) {
                byte[] s = new byte[p * p * 3];
                shrunk.data().get(s);
                for (int y = 2; y < p - 2; y++) {
                    for (int x = 2; x < p - 2; x++) {
                        for (int c = 0; c < 3; c++) {
                            int expected = s[(y * p + x) * 3 + (2 - c)] & 0xFF;
                            float actual = low[((n * 3 + c) * p + y) * p + x] * 255;
                            assertThat((double) Math.abs(expected - actual)).as("sample %d (%d,%d,%d)", n, x, y, c)
                                    .isLessThanOrEqualTo(1.0);
                        }
                    }
                }
            }
        }
    }
}

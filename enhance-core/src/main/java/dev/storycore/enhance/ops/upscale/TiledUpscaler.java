package dev.storycore.enhance.ops.upscale;

import static org.bytedeco.opencv.global.opencv_core.BORDER_ISOLATED;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REFLECT_101;
import static org.bytedeco.opencv.global.opencv_core.copyMakeBorder;

import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ImageModel;
import java.util.Arrays;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Runs a super-resolution network over a picture of any size, tile by tile, straight into the
 * output picture, so memory holds one tile's tensors at a time, never the whole picture's.
 *
 * <p>Each tile is run with {@code overlap} pixels of real context on every side (reflected where the
 * picture ends, unless {@link EdgeMode#NETWORK}) and only its core is kept: the seams fall where every output pixel had its context,
 * so a tiled result equals a whole-picture run within rounding when the overlap covers the
 * network's effective receptive field.
 */
final class TiledUpscaler {
    private final ImageModel model;
    private final TensorTranslator translator;
    private final int tile;
    private final int overlap;
    private final EdgeMode edges;

    TiledUpscaler(ImageModel model, int tile, int overlap) {
        this(model, tile, overlap, EdgeMode.REFLECT);
    }

    TiledUpscaler(ImageModel model, int tile, int overlap, EdgeMode edges) {
        if (tile <= 0 || overlap < 0) {
            throw new IllegalArgumentException("tile must be > 0 and overlap >= 0: " + tile + ", " + overlap);
        }
        this.model = model;
        this.translator = new TensorTranslator(model.valueRange());
        this.tile = tile;
        this.overlap = overlap;
        this.edges = edges;
    }

    /** Upscales a 3-channel BGR picture (8 or 16 bits) by the network's factor; the caller owns the result. */
    Mat upscale(Mat bgr) {
        int scale = model.scale();
        Mat out = new Mat(Math.multiplyExact(bgr.rows(), scale), Math.multiplyExact(bgr.cols(), scale), bgr.type());
        try {
            List<TileSpan> rows = TileSpan.cover(bgr.rows(), tile, overlap, edges);
            List<TileSpan> cols = TileSpan.cover(bgr.cols(), tile, overlap, edges);
            for (TileSpan row : rows) {
                for (TileSpan col : cols) {
                    runTile(bgr, row, col, out);
                }
            }
            return out;
        } catch (RuntimeException e) {
            out.close();
            throw e;
        }
    }

    private void runTile(Mat bgr, TileSpan row, TileSpan col, Mat out) {
        int scale = model.scale();
        FloatTensor result;
        try (Mat window = window(bgr, row, col)) {
            FloatTensor input = translator.toTensor(window);
            result = model.run(input);
            long[] expected = {1, 3, (long) window.rows() * scale, (long) window.cols() * scale};
            if (!Arrays.equals(result.shape(), expected)) {
                throw new ModelException("model " + model.id() + " returned shape " + Arrays.toString(result.shape())
                        + " for input " + Arrays.toString(input.shape()) + "; expected " + Arrays.toString(expected)
                        + " (its catalog scale may be wrong)");
            }
        }
        try (Rect core = new Rect(col.coreOffset() * scale, row.coreOffset() * scale,
                col.coreLength() * scale, row.coreLength() * scale);
             Rect target = new Rect(col.coreStart() * scale, row.coreStart() * scale,
                col.coreLength() * scale, row.coreLength() * scale);
             Mat dst = new Mat(out, target)) {
            translator.writeRegion(result, core, dst);
        }
    }

    /** The tile's window: the picture's pixels inside it, reflected where it reaches past an edge. */
    private static Mat window(Mat bgr, TileSpan row, TileSpan col) {
        int x0 = Math.max(0, col.windowStart());
        int y0 = Math.max(0, row.windowStart());
        int x1 = Math.min(bgr.cols(), col.windowEnd());
        int y1 = Math.min(bgr.rows(), row.windowEnd());
        try (Rect inside = new Rect(x0, y0, x1 - x0, y1 - y0); Mat roi = new Mat(bgr, inside)) {
            int top = y0 - row.windowStart();
            int bottom = row.windowEnd() - y1;
            int left = x0 - col.windowStart();
            int right = col.windowEnd() - x1;
            Mat window = new Mat();
            if (top == 0 && bottom == 0 && left == 0 && right == 0) {
                roi.copyTo(window);
            } else {
                // ISOLATED: reflect about the picture's edge, never read outside the ROI.
                copyMakeBorder(roi, window, top, bottom, left, right, BORDER_REFLECT_101 | BORDER_ISOLATED);
            }
            return window;
        }
    }
}

package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.model.ValueRange;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * A feed-forward style network (Johnson, Alahi and Fei-Fei, "Perceptual losses for real-time style transfer
 * and super-resolution", ECCV 2016, as in the public fast-neural-style ONNX exports): one 1×3×H×W RGB tensor
 * in the model's value range in, one of the same size out. The model is run on the whole picture.
 */
final class NeuralStyleRenderer implements StyleRenderer {
    private final ImageModel model;

    NeuralStyleRenderer(ImageModel model) {
        if (model.scale() != 1) {
            throw new ModelException("style model " + model.id() + " changes the picture size (x" + model.scale()
                    + "): a style model must keep it (1x3xHxW in and out)");
        }
        this.model = model;
    }

    @Override
    public Mat render(Mat bgr, RenderContext ctx) {
        int w = bgr.cols();
        int h = bgr.rows();
        ValueRange r = model.valueRange();
        float span = r.max() - r.min();
        byte[] px = Pixels.bytes(bgr);
        int plane = w * h;
        float[] in = new float[3 * plane];
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                // NCHW, RGB order: channel c takes BGR index 2 - c.
                in[c * plane + i] = r.min() + span * Pixels.u(px[3 * i + 2 - c]) / 255f;
            }
        }
        FloatTensor out = model.run(new FloatTensor(in, new long[] {1, 3, h, w}));
        if (out.shape().length != 4 || out.dim(1) != 3 || out.dim(2) != h || out.dim(3) != w) {
            throw new ModelException("style model " + model.id() + " returned " + java.util.Arrays.toString(out.shape())
                    + " for a 1x3x" + h + "x" + w + " input: it must return the same shape");
        }
        float[] o = out.data();
        for (int i = 0; i < plane; i++) {
            for (int c = 0; c < 3; c++) {
                px[3 * i + 2 - c] = Pixels.clampByte(255.0 * (o[c * plane + i] - r.min()) / span);
            }
        }
        return Pixels.mat(px, h, w, 3);
    }
}

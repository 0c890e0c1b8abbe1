package dev.storycore.enhance.train.sr;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Adam whose moments can be saved and restored, so a resumed run continues exactly where it stopped.
 * DJL's own {@code Adam} keeps its moments private; the update itself is DJL's fused native
 * {@code adamUpdate}, called with the same arguments DJL's optimizer passes (the kernel also zeroes the
 * gradient). Before updating, {@link #gradientsFinite} lets the trainer skip a step whose gradients
 * came back non-finite from the native library, which would otherwise poison every weight.
 */
final class ResumableAdam implements AutoCloseable {
    static final float BETA1 = 0.9f;
    static final float BETA2 = 0.999f;
    static final float EPSILON = 1e-8f;

    private final List<Parameter> parameters;
    private final List<NDArray> means = new ArrayList<>();
    private final List<NDArray> variances = new ArrayList<>();
    private long updates;

    ResumableAdam(NDManager manager, List<Parameter> parameters) {
        this.parameters = List.copyOf(parameters);
        for (Parameter p : this.parameters) {
            means.add(manager.zeros(p.getArray().getShape()));
            variances.add(manager.zeros(p.getArray().getShape()));
        }
    }

    long updates() {
        return updates;
    }

    /**
     * The global L2 norm of the current gradients, or NaN/∞ when any is non-finite. One small native
     * reduction per parameter tensor.
     */
    double gradientNorm() {
        double sum = 0;
        for (Parameter p : parameters) {
            // getGradient() returns a new handle attached to the weight's manager: close it every step.
            try (NDArray g = p.getArray().getGradient(); NDArray sq = g.square(); NDArray s = sq.sum()) {
                sum += s.getFloat();
            }
        }
        return Math.sqrt(sum);
    }

    static boolean gradientsFinite(double norm) {
        return Double.isFinite(norm);
    }

    /** Applies one Adam update with learning rate {@code lr} and clears the gradients. */
    void update(float lr) {
        updates++;
        double coef1 = 1.0 - Math.pow(BETA1, updates);
        double coef2 = 1.0 - Math.pow(BETA2, updates);
        float biasCorrected = (float) (lr * Math.sqrt(coef2) / coef1);
        for (int i = 0; i < parameters.size(); i++) {
            NDArray weight = parameters.get(i).getArray();
            try (NDArray grad = weight.getGradient()) {
                weight.getNDArrayInternal().adamUpdate(
                        new NDList(weight, grad, means.get(i), variances.get(i)), new NDList(weight),
                        lr, biasCorrected, 0f, 1f, -1f, BETA1, BETA2, EPSILON, true, false);
            }
        }
    }

    /** Drops the current gradients without updating (a skipped step). */
    void clearGradients() {
        for (Parameter p : parameters) {
            // The same native zero-grad the update kernel ends with (arithmetic would keep NaN as NaN).
            JniUtils.zeroGrad((PtNDArray) p.getArray());
        }
    }

    void save(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        out.writeInt(parameters.size());
        for (int i = 0; i < parameters.size(); i++) {
            writeArray(out, parameters.get(i).getArray());
            writeArray(out, means.get(i));
            writeArray(out, variances.get(i));
        }
    }

    void load(DataInputStream in) throws IOException {
        updates = in.readLong();
        int n = in.readInt();
        if (n != parameters.size()) {
            throw new IOException("checkpoint holds " + n + " parameter tensors, the network has " + parameters.size());
        }
        for (int i = 0; i < n; i++) {
            readArray(in, parameters.get(i).getArray());
            readArray(in, means.get(i));
            readArray(in, variances.get(i));
        }
    }

    private static void writeArray(DataOutputStream out, NDArray a) throws IOException {
        float[] v = a.toFloatArray();
        out.writeInt(v.length);
        for (float f : v) {
            out.writeFloat(f);
        }
    }

    private static void readArray(DataInputStream in, NDArray target) throws IOException {
        int len = in.readInt();
        if (len != target.size()) {
            throw new IOException("checkpoint tensor has " + len + " values, expected " + target.size());
        }
        float[] v = new float[len];
        for (int i = 0; i < len; i++) {
            v[i] = in.readFloat();
        }
        target.set(v);
    }

    @Override
    public void close() {
        means.forEach(NDArray::close);
        variances.forEach(NDArray::close);
    }
}

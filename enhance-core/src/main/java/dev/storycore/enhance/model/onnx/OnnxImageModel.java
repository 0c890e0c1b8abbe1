package dev.storycore.enhance.model.onnx;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.model.ValueRange;
import java.nio.FloatBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

/**
 * An {@link ImageModel} backed by one ONNX Runtime session: NCHW RGB float in, NCHW RGB float out, in
 * the model's own value range. {@link #run} is thread-safe (ONNX Runtime sessions are).
 */
public final class OnnxImageModel implements ImageModel {
    private final OrtSession session;
    private final String id;
    private final int scale;
    private final ValueRange range;
    private final int preferredTile;
    private final String inputName;
    private final String outputName;

    private OnnxImageModel(OrtSession session, String id, int scale, ValueRange range, int preferredTile,
                           String inputName, String outputName) {
        this.session = session;
        this.id = id;
        this.scale = scale;
        this.range = range;
        this.preferredTile = preferredTile;
        this.inputName = inputName;
        this.outputName = outputName;
    }

    /**
     * Opens a model whose scale, range and tensor names are known (catalog models). The session must
     * have an input called {@code inputName} and an output called {@code outputName}, both rank 4.
     */
    public static OnnxImageModel open(Path file, String id, int scale, ValueRange range, int preferredTile,
                                      String inputName, String outputName) {
        OrtSession session = OnnxSessions.open(file);
        try {
            checkTensor(session.getInputInfo(), inputName, "input", id);
            checkTensor(session.getOutputInfo(), outputName, "output", id);
            return new OnnxImageModel(session, id, requirePositive(scale), Objects.requireNonNull(range, "range"),
                    requirePositive(preferredTile), inputName, outputName);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            throw e instanceof ModelException me ? me
                    : new ModelException("cannot inspect model " + id + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a user-supplied ONNX image model by path: it must have one rank-4 input and one rank-4
     * output (NCHW, 3 channels). The scale is measured by one probe run on a 32x32 picture.
     */
    public static OnnxImageModel openUserModel(Path file, ValueRange range, int preferredTile) {
        OrtSession session = OnnxSessions.open(file);
        String id = "file:" + file.getFileName();
        try {
            String in = onlyName(session.getInputInfo(), "input", file);
            String out = onlyName(session.getOutputInfo(), "output", file);
            checkTensor(session.getInputInfo(), in, "input", id);
            checkTensor(session.getOutputInfo(), out, "output", id);
            OnnxImageModel probe = new OnnxImageModel(session, id, 1, range, requirePositive(preferredTile), in, out);
            int probeSize = 32;
            FloatTensor result = probe.runUnchecked(FloatTensor.zeros(1, 3, probeSize, probeSize));
            long outH = result.shape()[2];
            if (outH % probeSize != 0 || result.shape()[3] != outH) {
                throw new ModelException("model " + file + " turned a 32x32 picture into "
                        + Arrays.toString(result.shape()) + ": only models that scale by a whole factor are supported");
            }
            return new OnnxImageModel(session, id, (int) (outH / probeSize), range, preferredTile, in, out);
        } catch (OrtException | RuntimeException e) {
            closeQuietly(session);
            throw e instanceof ModelException me ? me
                    : new ModelException("cannot use " + file + " as an image model: " + e.getMessage(), e);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int scale() {
        return scale;
    }

    @Override
    public ValueRange valueRange() {
        return range;
    }

    @Override
    public int preferredTile() {
        return preferredTile;
    }

    @Override
    public FloatTensor run(FloatTensor input) {
        long[] in = input.shape();
        if (in.length != 4 || in[0] != 1 || in[1] != 3) {
            throw new IllegalArgumentException("model " + id + " takes [1, 3, height, width], got " + Arrays.toString(in));
        }
        FloatTensor out = runUnchecked(input);
        long[] expected = {1, 3, in[2] * scale, in[3] * scale};
        if (!Arrays.equals(out.shape(), expected)) {
            throw new ModelException("model " + id + " returned " + Arrays.toString(out.shape()) + " for input "
                    + Arrays.toString(in) + ", expected " + Arrays.toString(expected));
        }
        return out;
    }

    private FloatTensor runUnchecked(FloatTensor input) {
        try (OnnxTensor tensor = OnnxTensor.createTensor(OnnxSessions.environment(),
                FloatBuffer.wrap(input.data()), input.shape());
             OrtSession.Result result = session.run(Map.of(inputName, tensor))) {
            OnnxValue value = result.get(outputName).orElseThrow(
                    () -> new ModelException("model " + id + " produced no output named " + outputName));
            if (!(value instanceof OnnxTensor outTensor)) {
                throw new ModelException("model " + id + " output " + outputName + " is not a tensor");
            }
            long[] shape = outTensor.getInfo().getShape();
            FloatBuffer buffer = outTensor.getFloatBuffer();
            float[] data = new float[buffer.remaining()];
            buffer.get(data);
            return new FloatTensor(data, shape);
        } catch (OrtException e) {
            throw new ModelException("model " + id + " failed on input " + Arrays.toString(input.shape()) + ": "
                    + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        closeQuietly(session);
    }

    @Override
    public String toString() {
        return "OnnxImageModel[" + id + ", x" + scale + ", " + range + "]";
    }

    private static void checkTensor(Map<String, NodeInfo> infos, String name, String role, String id) {
        NodeInfo info = infos.get(name);
        if (info == null) {
            throw new ModelException("model " + id + " has no " + role + " named '" + name + "'; its " + role
                    + "s are " + infos.keySet() + " (expected '" + name + "', rank 4, NCHW)");
        }
        if (!(info.getInfo() instanceof TensorInfo t) || t.getShape().length != 4
                || (t.getShape()[1] != 3 && t.getShape()[1] != -1)) {
            throw new ModelException("model " + id + " " + role + " '" + name + "' is " + info.getInfo()
                    + ", expected a rank-4 float tensor [1, 3, height, width] (NCHW RGB)");
        }
    }

    private static String onlyName(Map<String, NodeInfo> infos, String role, Path file) {
        if (infos.size() != 1) {
            throw new ModelException("model " + file + " has " + role + "s " + infos.keySet()
                    + "; an image model has exactly one " + role + " [1, 3, height, width]");
        }
        return infos.keySet().iterator().next();
    }

    private static int requirePositive(int v) {
        if (v <= 0) {
            throw new IllegalArgumentException("must be positive: " + v);
        }
        return v;
    }

    private static void closeQuietly(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            // Closing frees native memory; a failure here leaves nothing for the caller to act on.
        }
    }
}

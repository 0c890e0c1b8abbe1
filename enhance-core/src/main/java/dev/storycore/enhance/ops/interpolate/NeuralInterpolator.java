package dev.storycore.enhance.ops.interpolate;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import dev.storycore.enhance.errors.ModelException;
import dev.storycore.enhance.model.onnx.OnnxSessions;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * A user-supplied ONNX frame-interpolation network, guarded by the classical analysis.
 *
 * <p>The network's contract: two frames as float tensors [1, 3, H, W] (RGB, values 0–1, H and W padded by
 * edge replication to a multiple of {@link #ALIGNMENT}) and the time t as a float tensor with one value
 * (shape [1], [1, 1] or [1, 1, 1, 1]); it returns the frame at t as [1, 3, H, W], RGB 0–1. Inputs named
 * {@code frame0}, {@code frame1} and {@code t} are matched by name; otherwise the two rank-4 inputs are taken
 * in order as frame 0 and frame 1, and the one-value input as t. The first output is the picture.
 *
 * <p>Every pair is first measured by a PREVIEW-level classical interpolator: scene cuts are never sent to
 * the network (the cut policy applies) and static pairs are cross-faded; all others take the network
 * ({@link InterpolationMethod#NEURAL}).
 */
final class NeuralInterpolator implements Interpolator {
    /** Frame sizes are padded to a multiple of this (what common interpolation networks need). */
    static final int ALIGNMENT = 32;

    private final OrtSession session;
    private final String description;
    private final String frame0;
    private final String frame1;
    private final String time;
    private final long[] timeShape;
    private final String output;
    private final FlowInterpolator guard;
    private final InterpolationSettings settings;

    private NeuralInterpolator(OrtSession session, String description, InterpolationSettings settings) {
        this.session = session;
        this.description = description;
        this.settings = settings;
        try {
            Map<String, NodeInfo> inputs = session.getInputInfo();
            List<String> images = new ArrayList<>();
            String t = null;
            long[] tShape = null;
            for (Map.Entry<String, NodeInfo> e : inputs.entrySet()) {
                long[] shape = e.getValue().getInfo() instanceof TensorInfo ti ? ti.getShape() : null;
                if (shape != null && shape.length == 4 && shape[1] != 1) {
                    images.add(e.getKey());
                } else if (shape != null && shape.length <= 4 && Arrays.stream(shape).allMatch(d -> d == 1 || d < 0)) {
                    t = e.getKey();
                    tShape = Arrays.stream(shape).map(d -> 1).toArray();
                }
            }
            if (inputs.containsKey("frame0") && inputs.containsKey("frame1")) {
                images = List.of("frame0", "frame1");
            }
            if (images.size() != 2 || t == null || inputs.size() != 3) {
                throw new ModelException("interpolation model " + description + " must take two frames [1, 3, H, W]"
                        + " and a time t of one value; it takes " + describe(inputs)
                        + ". Export the network with inputs (frame0, frame1, t)");
            }
            this.frame0 = images.get(0);
            this.frame1 = images.get(1);
            this.time = t;
            this.timeShape = tShape.length == 0 ? new long[] {1} : tShape;
            this.output = session.getOutputNames().iterator().next();
        } catch (OrtException e) {
            throw new ModelException("cannot read the inputs of interpolation model " + description + ": "
                    + e.getMessage(), e);
        }
        this.guard = new FlowInterpolator(settings.withQuality(InterpolationQuality.PREVIEW));
    }

    static NeuralInterpolator open(OrtSession session, String description, InterpolationSettings settings) {
        try {
            return new NeuralInterpolator(session, description, settings);
        } catch (RuntimeException e) {
            try {
                session.close();
            } catch (OrtException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    private static String describe(Map<String, NodeInfo> inputs) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, NodeInfo> e : inputs.entrySet()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(e.getKey()).append(e.getValue().getInfo() instanceof TensorInfo ti
                    ? Arrays.toString(ti.getShape()) : "(not a tensor)");
        }
        return sb.toString();
    }

    @Override
    public InterpolationPair prepare(Mat first, Mat second) {
        InterpolationPair measured = guard.prepare(first, second);
        MotionAnalysis a = measured.analysis();
        if (a.method() == InterpolationMethod.REPEAT || a.method() == InterpolationMethod.BLEND) {
            return measured;
        }
        measured.close();
        MotionAnalysis neural = a.withMethod(InterpolationMethod.NEURAL);
        return new InterpolationPair() {
            @Override
            public MotionAnalysis analysis() {
                return neural;
            }

            @Override
            public Mat at(double t) {
                if (!(t >= 0 && t <= 1)) {
                    throw new IllegalArgumentException("interpolation time must be in [0, 1], got " + t);
                }
                if (t == 0) {
                    return first.clone();
                }
                if (t == 1) {
                    return second.clone();
                }
                return run(first, second, t);
            }

            @Override
            public void close() {
            }
        };
    }

    private Mat run(Mat first, Mat second, double t) {
        int width = first.cols();
        int height = first.rows();
        int paddedW = (width + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        int paddedH = (height + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        long[] shape = {1, 3, paddedH, paddedW};
        double full = first.depth() == CV_16U ? 65535.0 : 255.0;
        Map<String, OnnxTensor> feed = new LinkedHashMap<>();
        try {
            feed.put(frame0, OnnxTensor.createTensor(OnnxSessions.environment(),
                    FloatBuffer.wrap(planarRgb(first, paddedW, paddedH, full)), shape));
            feed.put(frame1, OnnxTensor.createTensor(OnnxSessions.environment(),
                    FloatBuffer.wrap(planarRgb(second, paddedW, paddedH, full)), shape));
            feed.put(time, OnnxTensor.createTensor(OnnxSessions.environment(), FloatBuffer.wrap(new float[] {(float) t}),
                    timeShape));
            try (OrtSession.Result result = session.run(feed)) {
                OnnxValue value = result.get(output).orElseThrow(
                        () -> new ModelException("interpolation model " + description + " produced no output"));
                if (!(value instanceof OnnxTensor out) || !Arrays.equals(out.getInfo().getShape(), shape)) {
                    throw new ModelException("interpolation model " + description + " returned "
                            + (value instanceof OnnxTensor o ? Arrays.toString(o.getInfo().getShape()) : "no tensor")
                            + " for frames " + Arrays.toString(shape) + "; it must return the frame at t, same shape");
                }
                FloatBuffer buffer = out.getFloatBuffer();
                float[] data = new float[buffer.remaining()];
                buffer.get(data);
                return picture(data, first, second, t, paddedW, paddedH, full);
            }
        } catch (OrtException e) {
            throw new ModelException("interpolation model " + description + " failed on " + width + "x" + height
                    + " frames: " + e.getMessage(), e);
        } finally {
            feed.values().forEach(OnnxTensor::close);
        }
    }

    /** RGB planes in 0–1 of a grey, BGR or BGRA picture, padded by edge replication. */
    private static float[] planarRgb(Mat picture, int paddedW, int paddedH, double full) {
        try (Mat bgr = new Mat(); Mat padded = new Mat(); Mat rgb = new Mat(); MatVector planes = new MatVector()) {
            switch (picture.channels()) {
                case 1 -> opencv_imgproc.cvtColor(picture, bgr, opencv_imgproc.COLOR_GRAY2BGR);
                case 4 -> opencv_imgproc.cvtColor(picture, bgr, opencv_imgproc.COLOR_BGRA2BGR);
                default -> picture.copyTo(bgr);
            }
            opencv_core.copyMakeBorder(bgr, padded, 0, paddedH - picture.rows(), 0, paddedW - picture.cols(),
                    opencv_core.BORDER_REPLICATE);
            padded.convertTo(rgb, CV_32F, 1.0 / full, 0);
            opencv_imgproc.cvtColor(rgb, rgb, opencv_imgproc.COLOR_BGR2RGB);
            opencv_core.split(rgb, planes);
            int plane = paddedW * paddedH;
            float[] data = new float[3 * plane];
            for (int c = 0; c < 3; c++) {
                try (Mat p = planes.get(c)) {
                    ((FloatBuffer) p.createBuffer()).get(data, c * plane, plane);
                }
            }
            return data;
        }
    }

    /** The network's RGB planes back into a picture of the inputs' format (alpha cross-faded at t). */
    private static Mat picture(float[] data, Mat first, Mat second, double t, int paddedW, int paddedH,
                               double full) {
        Mat[] views = new Mat[3];
        try (FloatPointer pointer = new FloatPointer(data);
             Mat planes = new Mat(3 * paddedH, paddedW, CV_32F, pointer);
             MatVector bgrPlanes = new MatVector(3); Mat merged = new Mat(); Mat scaled = new Mat();
             Rect frame = new Rect(0, 0, first.cols(), first.rows())) {
            for (int c = 0; c < 3; c++) {
                // RGB in the tensor, BGR in the picture.
                views[c] = new Mat(planes, new Rect(0, c * paddedH, paddedW, paddedH));
                bgrPlanes.put(2 - c, views[c]);
            }
            opencv_core.merge(bgrPlanes, merged);
            merged.convertTo(scaled, first.depth() == CV_16U ? CV_16U : CV_8U, full, 0);
            Mat bgr;
            try (Mat crop = new Mat(scaled, frame)) {
                bgr = crop.clone();
            }
            switch (first.channels()) {
                case 1 -> {
                    Mat grey = new Mat();
                    opencv_imgproc.cvtColor(bgr, grey, opencv_imgproc.COLOR_BGR2GRAY);
                    bgr.close();
                    return grey;
                }
                case 4 -> {
                    try (bgr; Mat alpha = new Mat(); Mat a0 = new Mat(); Mat a1 = new Mat(); MatVector parts = new MatVector()) {
                        opencv_core.extractChannel(first, a0, 3);
                        opencv_core.extractChannel(second, a1, 3);
                        opencv_core.addWeighted(a0, 1 - t, a1, t, 0, alpha);
                        opencv_core.split(bgr, parts);
                        parts.push_back(alpha);
                        Mat bgra = new Mat();
                        opencv_core.merge(parts, bgra);
                        return bgra;
                    }
                }
                default -> {
                    return bgr;
                }
            }
        } finally {
            for (Mat v : views) {
                if (v != null) {
                    v.close();
                }
            }
        }
    }

    @Override
    public void close() {
        guard.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new ModelException("cannot close interpolation model " + description + ": " + e.getMessage(), e);
        }
    }

}

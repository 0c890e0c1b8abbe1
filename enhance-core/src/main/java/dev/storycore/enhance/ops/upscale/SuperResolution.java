package dev.storycore.enhance.ops.upscale;

import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.extractChannel;
import static org.bytedeco.opencv.global.opencv_core.merge;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGR2GRAY;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_BGRA2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LANCZOS4;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.errors.ModelNotFoundException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.model.ModelLoader;
import dev.storycore.enhance.ops.FrameOperation;
import dev.storycore.enhance.ops.Size;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Super-resolution of single pictures: a network from the catalog (UpscalerJS ESRGAN) run tile by
 * tile, or OpenCV interpolation when the level is preview or the network is not fetched.
 *
 * <p>Any target size: the network at the smallest factor that reaches it, then Lanczos (or pixel-area
 * averaging when shrinking) to the exact size. Alpha is upscaled separately with Lanczos and
 * re-attached; grey pictures run as RGB and come back grey; 16-bit pictures keep 16-bit precision.
 * Which method really ran, and why, is in {@link #prepare(Size)}'s {@link UpscaleReport}.
 *
 * <p>Thread-safe: {@link #apply} may be called from several threads (the network's run is).
 */
public final class SuperResolution implements FrameOperation {
    private static final Logger LOG = LoggerFactory.getLogger(SuperResolution.class);
    private static final int FALLBACK_TILE = 128;

    private final UpscaleConfig config;
    private final ModelLoader loader;
    private final Map<Size, Plan> plans = new HashMap<>();
    private final Map<String, ImageModel> models = new HashMap<>();
    private volatile UpscaleReport lastReport;
    private boolean closed;

    private SuperResolution(UpscaleConfig config, ModelLoader loader) {
        this.config = Objects.requireNonNull(config, "config");
        this.loader = Objects.requireNonNull(loader, "loader");
    }

    /** An operation for a validated configuration; nothing is loaded until the first picture or {@link #prepare}. */
    public static SuperResolution create(UpscaleConfig config, ModelLoader loader) {
        return new SuperResolution(config, loader);
    }

    @Override
    public String id() {
        return "upscale";
    }

    public UpscaleConfig config() {
        return config;
    }

    @Override
    public Size outputSize(Size input) {
        return config.outputSize(input);
    }

    /**
     * Decides what runs for pictures of this size and loads the network; call it before the first
     * frame to show the user what will happen. A network that is not fetched gives a flagged Lanczos
     * plan (and a warning naming how to fetch it), or {@link ModelNotFoundException} when the
     * configuration does not allow fallback.
     */
    public synchronized UpscaleReport prepare(Size input) {
        return plan(input).report();
    }

    /** The report of the most recent picture, if any was processed or prepared. */
    public Optional<UpscaleReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    @Override
    public Frame apply(Frame input) {
        Mat src = input.image();
        requireSupported(src);
        Plan plan;
        synchronized (this) {
            plan = plan(new Size(src.cols(), src.rows()));
        }
        Mat result = plan.tiler() == null
                ? resized(src, plan.report().output(), plan.report().method())
                : throughNetwork(src, plan);
        try {
            return input.withImage(result);
        } catch (RuntimeException e) {
            result.close();
            throw e;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            models.values().forEach(ImageModel::close);
            models.clear();
            plans.clear();
        }
    }

    private Plan plan(Size input) {
        if (closed) {
            throw new IllegalStateException("upscale operation is closed");
        }
        Plan plan = plans.computeIfAbsent(input, this::makePlan);
        lastReport = plan.report();
        return plan;
    }

    private Plan makePlan(Size input) {
        Size output = config.outputSize(input);
        ModelChoice choice = ModelChoice.decide(config, config.neededScale(input), loader);
        if (choice.modelId() != null) {
            ImageModel model = loadOrNull(choice.modelId());
            if (model != null) {
                return networkPlan(model, input, output, choice.fallbackReason());
            }
            choice = ModelChoice.classical(UpscaleMethod.LANCZOS, "model " + choice.modelId()
                    + " could not be found; run ./storycore models fetch " + choice.modelId() + " to get it");
        }
        if (choice.fallbackReason() != null) {
            LOG.warn("upscale: {}; using Lanczos interpolation instead", choice.fallbackReason());
        }
        return new Plan(new UpscaleReport(choice.classical(), null, 0, 0, 0, null, input, output,
                choice.fallbackReason()), null);
    }

    private Plan networkPlan(ImageModel model, Size input, Size output, String fallbackReason) {
        int tile = config.tile() > 0 ? config.tile() : model.preferredTile() > 0 ? model.preferredTile() : FALLBACK_TILE;
        Size networkOut = input.scaled(model.scale());
        UpscaleMethod finalResize = networkOut.equals(output) ? null : shrinks(networkOut, output)
                ? UpscaleMethod.AREA : UpscaleMethod.LANCZOS;
        UpscaleReport report = new UpscaleReport(UpscaleMethod.MODEL, model.id(), model.scale(), tile,
                config.overlap(), finalResize, input, output, fallbackReason);
        if (fallbackReason != null) {
            LOG.warn("upscale: {}", fallbackReason);
        }
        return new Plan(report, new TiledUpscaler(model, tile, config.overlap(), config.edges()));
    }

    /** The loaded network (kept for later sizes), or null when it vanished since the availability check. */
    private ImageModel loadOrNull(String modelId) {
        ImageModel model = models.get(modelId);
        if (model != null) {
            return model;
        }
        try {
            model = loader.load(modelId);
        } catch (ModelNotFoundException e) {
            if (!config.allowClassicalFallback()) {
                throw e;
            }
            return null;
        }
        models.put(modelId, model);
        return model;
    }

    private static boolean shrinks(Size from, Size to) {
        return to.width() <= from.width() && to.height() <= from.height();
    }

    private Mat throughNetwork(Mat src, Plan plan) {
        UpscaleReport report = plan.report();
        try (Mat bgr = asBgr(src); Mat up = plan.tiler().upscale(bgr);
             Mat sized = report.finalResize() == null ? new Mat(up) : resized(up, report.output(), report.finalResize())) {
            return switch (src.channels()) {
                case 3 -> new Mat(sized);
                case 1 -> converted(sized, COLOR_BGR2GRAY);
                default -> withAlpha(sized, src, report.output());
            };
        }
    }

    /** Colour from the network, alpha from the source upscaled on its own (Lanczos), merged to BGRA. */
    private static Mat withAlpha(Mat bgr, Mat src, Size output) {
        try (Mat alpha = new Mat(); Mat b = new Mat(); Mat g = new Mat(); Mat r = new Mat()) {
            extractChannel(src, alpha, 3);
            extractChannel(bgr, b, 0);
            extractChannel(bgr, g, 1);
            extractChannel(bgr, r, 2);
            UpscaleMethod method = shrinks(new Size(src.cols(), src.rows()), output) ? UpscaleMethod.AREA : UpscaleMethod.LANCZOS;
            try (Mat alphaUp = resized(alpha, output, method); MatVector all = new MatVector(b, g, r, alphaUp)) {
                Mat bgra = new Mat();
                merge(all, bgra);
                return bgra;
            }
        }
    }

    private static Mat converted(Mat src, int code) {
        Mat out = new Mat();
        cvtColor(src, out, code);
        return out;
    }

    /** A 3-channel BGR view or copy of the picture; the caller closes it. */
    private static Mat asBgr(Mat src) {
        if (src.channels() == 3) {
            return new Mat(src);
        }
        return converted(src, src.channels() == 1 ? COLOR_GRAY2BGR : COLOR_BGRA2BGR);
    }

    static Mat resized(Mat src, Size output, UpscaleMethod method) {
        int interpolation = switch (method) {
            case BICUBIC -> INTER_CUBIC;
            case LANCZOS -> INTER_LANCZOS4;
            case AREA -> INTER_AREA;
            case MODEL -> throw new IllegalArgumentException("not an interpolation: " + method);
        };
        Mat out = new Mat();
        try (org.bytedeco.opencv.opencv_core.Size size = new org.bytedeco.opencv.opencv_core.Size(output.width(), output.height())) {
            resize(src, out, size, 0, 0, interpolation);
        }
        return out;
    }

    private static void requireSupported(Mat src) {
        int ch = src.channels();
        int depth = src.depth();
        if (!(ch == 1 || ch == 3 || ch == 4) || !(depth == CV_8U || depth == CV_16U)) {
            throw new InvalidInputException("upscale: pictures must be grey, BGR or BGRA with 8 or 16 bits per channel;"
                    + " got " + ch + " channels of OpenCV depth " + depth);
        }
    }

    /** What runs for one input size: the report, and the tiler when a network runs. */
    private record Plan(UpscaleReport report, TiledUpscaler tiler) {
    }
}

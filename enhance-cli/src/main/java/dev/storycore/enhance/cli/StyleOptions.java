package dev.storycore.enhance.cli;

import dev.storycore.enhance.errors.EnhanceException;
import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.model.FloatTensor;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.model.ModelLoader;
import dev.storycore.enhance.model.ValueRange;
import dev.storycore.enhance.model.onnx.OnnxImageModel;
import dev.storycore.enhance.ops.style.Style;
import dev.storycore.enhance.ops.style.StyleParams;
import dev.storycore.enhance.ops.style.StyleReference;
import dev.storycore.enhance.ops.style.Styles;
import dev.storycore.enhance.ops.style.TemporalSettings;
import dev.storycore.enhance.pipeline.Pipeline;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import picocli.CommandLine.Option;

/** The style options of {@code enhance}; builds the style stage (temporally consistent for videos). */
final class StyleOptions implements AutoCloseable {
    @Option(names = "--style", paramLabel = "NAME",
            description = "Artistic style: impressionist, cubist, abstract, watercolor, oil_painting, sketch, anime,"
                    + " comic, mosaic, pointillism ('storycore styles' lists their parameters).")
    String style;

    @Option(names = "--strength", paramLabel = "S", defaultValue = "1",
            description = "Style strength from 0 (input unchanged) to 1 (default: ${DEFAULT-VALUE}).")
    double strength;

    @Option(names = "--preserve-colors", description = "Keep the input's colours; take only lightness from the style.")
    boolean preserveColors;

    @Option(names = "--preserve-structure", paramLabel = "P", defaultValue = "0",
            description = "Put back this much (0 to 1) of the input's fine detail (default: ${DEFAULT-VALUE}).")
    double preserveStructure;

    @Option(names = "--style-image", paramLabel = "FILE",
            description = "A painting whose palette and tones the style takes (Reinhard colour transfer in CIELAB).")
    Path styleImage;

    @Option(names = "--style-model", paramLabel = "FILE|ID",
            description = "A fast-style ONNX network (1x3xHxW RGB 0..255 in and out) by path, or a catalog model id.")
    String styleModel;

    @Option(names = "--style-param", paramLabel = "NAME=VALUE",
            description = "A style's own parameter, e.g. --style-param brush_size=1.5 (repeatable).")
    Map<String, Double> controls = new LinkedHashMap<>();

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Seed for stroke and dot placement; the same seed gives the same picture (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--no-temporal", description = "Style each video frame on its own (no flow-guided consistency).")
    boolean noTemporal;

    private final List<AutoCloseable> opened = new ArrayList<>();
    private ImageModel model;

    boolean requested() {
        return style != null || styleModel != null;
    }

    /** Short tag for default output names, e.g. "sketch". */
    String tag() {
        return styleModel != null ? "styled" : Style.parse(style).id();
    }

    /** The stage adder for {@link Enhancer#before}; validates every option now, before any work. */
    BiFunction<Pipeline.Builder, Boolean, Pipeline.Builder> stages(ModelLoader loader) {
        if (style != null && styleModel != null) {
            throw new InvalidInputException("give either --style or --style-model, not both");
        }
        StyleParams params = new StyleParams(strength, preserveColors, preserveStructure, seed, controls);
        if (styleModel != null) {
            model = openModel(loader);
            return (b, video) -> {
                ImageModel shared = new Unclosed(model);
                if (video && !noTemporal) {
                    return b.then(keep(Styles.temporalNeural(shared, params, TemporalSettings.defaults())));
                }
                return b.then(keep(Styles.neural(shared, params)));
            };
        }
        Style s = Style.parse(style);
        StyleReference reference = styleImage == null ? null : StyleReference.load(styleImage);
        Styles.operation(s, params, reference).close(); // validates the controls up front
        return (b, video) -> video && !noTemporal
                ? b.then(keep(Styles.temporal(s, params, reference, TemporalSettings.defaults())))
                : b.then(keep(Styles.operation(s, params, reference)));
    }

    private ImageModel openModel(ModelLoader loader) {
        Path file = Path.of(styleModel);
        if (Files.isRegularFile(file)) {
            return OnnxImageModel.openUserModel(file, ValueRange.BYTE, 512);
        }
        if (styleModel.endsWith(".onnx")) {
            throw new InvalidInputException("style model " + styleModel + " does not exist: pass the path of an .onnx file");
        }
        return loader.load(styleModel);
    }

    private <T extends AutoCloseable> T keep(T op) {
        opened.add(op);
        return op;
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (EnhanceException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        opened.clear();
        if (model != null) {
            model.close();
        }
    }

    /** Lets every per-file operation use the one loaded model without closing it. */
    private record Unclosed(ImageModel model) implements ImageModel {
        @Override
        public String id() {
            return model.id();
        }

        @Override
        public int scale() {
            return model.scale();
        }

        @Override
        public ValueRange valueRange() {
            return model.valueRange();
        }

        @Override
        public int preferredTile() {
            return model.preferredTile();
        }

        @Override
        public FloatTensor run(FloatTensor input) {
            return model.run(input);
        }

        @Override
        public void close() {
        }
    }
}

package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.ops.FrameOperation;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The style catalogue and the entry point for style operations: the ten named styles with their
 * parameter specs, a neural style from a user's ONNX model, per-frame operations for stills and
 * flow-guided temporally consistent operations for video.
 */
public final class Styles {
    private record Entry(StyleSpec spec, Supplier<StyleRenderer> renderer) {
    }

    private static final Map<Style, Entry> CATALOG = new EnumMap<>(Style.class);

    static {
        register(ImpressionistStyle.SPEC, ImpressionistStyle::new);
        register(CubistStyle.SPEC, CubistStyle::new);
        register(AbstractStyle.SPEC, AbstractStyle::new);
        register(WatercolorStyle.SPEC, WatercolorStyle::new);
        register(OilPaintingStyle.SPEC, OilPaintingStyle::new);
        register(SketchStyle.SPEC, SketchStyle::new);
        register(AnimeStyle.SPEC, AnimeStyle::new);
        register(ComicStyle.SPEC, ComicStyle::new);
        register(MosaicStyle.SPEC, MosaicStyle::new);
        register(PointillismStyle.SPEC, PointillismStyle::new);
    }

    private Styles() {
    }

    private static void register(StyleSpec spec, Supplier<StyleRenderer> renderer) {
        CATALOG.put(spec.style(), new Entry(spec, renderer));
    }

    /** Every style's spec, in the order of {@link Style}. */
    public static List<StyleSpec> specs() {
        return Arrays.stream(Style.values()).map(Styles::spec).toList();
    }

    public static StyleSpec spec(Style style) {
        return CATALOG.get(style).spec();
    }

    /**
     * A per-frame operation for a named style; the parameters are validated here.
     *
     * @param reference palette and tone of a reference painting, or {@code null}
     */
    public static FrameOperation operation(Style style, StyleParams params, StyleReference reference) {
        return new StyleOperation(setup(style, params, reference));
    }

    /** A per-frame operation running a style network (see {@link NeuralStyleRenderer}); closes the model when closed. */
    public static FrameOperation neural(ImageModel model, StyleParams params) {
        StyleSetup setup = new StyleSetup("model:" + model.id(), new NeuralStyleRenderer(model), new Controls(Map.of()),
                params, Optional.empty());
        return new StyleOperation(setup, model);
    }

    /**
     * A temporally consistent operation for video: strokes and dots follow the optical flow and the previous
     * stylized frame is carried forward where it is still visible (see {@link TemporalStyle}).
     */
    public static StyleStream temporal(Style style, StyleParams params, StyleReference reference,
                                       TemporalSettings settings) {
        return new TemporalStyle(setup(style, params, reference), settings);
    }

    /** A temporally consistent operation around a style network. */
    public static StyleStream temporalNeural(ImageModel model, StyleParams params, TemporalSettings settings) {
        StyleSetup setup = new StyleSetup("model:" + model.id(), new NeuralStyleRenderer(model), new Controls(Map.of()),
                params, Optional.empty());
        return new TemporalStyle(setup, settings, model);
    }

    static StyleSetup setup(Style style, StyleParams params, StyleReference reference) {
        Entry e = CATALOG.get(style);
        Controls controls = e.spec().resolve(params.controls());
        return new StyleSetup(style.id(), e.renderer().get(), controls, params, Optional.ofNullable(reference));
    }
}

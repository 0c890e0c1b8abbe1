package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.model.ImageModel;
import dev.storycore.enhance.ops.FrameOperation;
import dev.storycore.enhance.ops.Size;
import org.bytedeco.opencv.opencv_core.Mat;

/** Applies one style to each frame independently (stills, or video without temporal consistency). */
final class StyleOperation implements FrameOperation {
    private final StyleSetup setup;
    private final AnchorSource anchors;
    private final ImageModel owned;

    StyleOperation(StyleSetup setup) {
        this(setup, null);
    }

    /** @param owned a model this operation closes when it is closed, or null */
    StyleOperation(StyleSetup setup, ImageModel owned) {
        this.setup = setup;
        this.anchors = AnchorSource.fresh(setup.params().seed());
        this.owned = owned;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
    }

    @Override
    public String id() {
        return "style:" + setup.name();
    }

    @Override
    public Size outputSize(Size input) {
        return input;
    }

    @Override
    public Frame apply(Frame input) {
        if (setup.params().strength() <= 0) {
            return input.copy();
        }
        Mat original = input.image();
        try (Mat bgr = FrameFormat.toBgr8(original); Mat rendered = setup.renderer().render(bgr, setup.context(anchors))) {
            return input.withImage(finish(setup.params(), rendered, bgr, original));
        }
    }

    /** Structure, colours and strength, then back to the original's format. */
    static Mat finish(StyleParams p, Mat rendered, Mat bgr, Mat original) {
        try (Mat finished = Finish.structureAndColours(rendered, bgr, p.preserveStructure(), p.preserveColors());
             Mat like = FrameFormat.like(finished, original)) {
            return Finish.strength(like, original, p.strength());
        }
    }
}

package dev.storycore.enhance.pipeline;

import dev.storycore.enhance.frame.FrameSink;
import dev.storycore.enhance.frame.StreamInfo;

/** Opens the output once the pipeline knows what it will produce (size, rate, frame count). */
@FunctionalInterface
public interface SinkOpener {
    FrameSink open(StreamInfo output);
}

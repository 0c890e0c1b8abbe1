package dev.storycore.enhance.pipeline;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.ops.FrameOperation;
import dev.storycore.enhance.ops.Size;
import dev.storycore.enhance.ops.WindowOperation;
import java.util.List;

/**
 * One operation seen the way the pipeline drives it, whatever its shape: frames go in one at a time,
 * zero or more come out, and the end of the stream may release more. Inputs stay owned by the caller.
 */
interface Step {
    String id();

    Size outputSize(Size input);

    long outputFrameCount(long inputCount);

    Rational outputFrameRate(Rational inputRate);

    List<Frame> accept(Frame input);

    List<Frame> finish();

    static Step of(FrameOperation op) {
        return new Step() {
            @Override
            public String id() {
                return op.id();
            }

            @Override
            public Size outputSize(Size input) {
                return op.outputSize(input);
            }

            @Override
            public long outputFrameCount(long inputCount) {
                return inputCount;
            }

            @Override
            public Rational outputFrameRate(Rational inputRate) {
                return inputRate;
            }

            @Override
            public List<Frame> accept(Frame input) {
                Frame out = op.apply(input);
                if (out == null) {
                    throw new IllegalStateException("operation '" + op.id() + "' returned no frame for " + input);
                }
                return List.of(out);
            }

            @Override
            public List<Frame> finish() {
                return List.of();
            }
        };
    }

    static Step of(WindowOperation op) {
        return new Step() {
            @Override
            public String id() {
                return op.id();
            }

            @Override
            public Size outputSize(Size input) {
                return op.outputSize(input);
            }

            @Override
            public long outputFrameCount(long inputCount) {
                return inputCount <= 0 ? 0 : op.outputFrameCount(inputCount);
            }

            @Override
            public Rational outputFrameRate(Rational inputRate) {
                return op.outputFrameRate(inputRate);
            }

            @Override
            public List<Frame> accept(Frame input) {
                return orEmpty(op.push(input));
            }

            @Override
            public List<Frame> finish() {
                return orEmpty(op.flush());
            }

            private List<Frame> orEmpty(List<Frame> frames) {
                return frames == null ? List.of() : frames;
            }
        };
    }
}

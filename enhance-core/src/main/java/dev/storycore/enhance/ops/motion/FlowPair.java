package dev.storycore.enhance.ops.motion;

/**
 * The flows between two pictures A and B in both directions; closing the pair closes both.
 *
 * @param forward  from A to B: {@code A(x) ≈ B(x + forward(x))}
 * @param backward from B to A: {@code B(x) ≈ A(x + backward(x))}
 */
public record FlowPair(FlowField forward, FlowField backward) implements AutoCloseable {
    @Override
    public void close() {
        forward.close();
        backward.close();
    }
}

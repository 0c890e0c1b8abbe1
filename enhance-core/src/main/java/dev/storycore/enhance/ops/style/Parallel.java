package dev.storycore.enhance.ops.style;

import java.util.function.IntConsumer;
import java.util.stream.IntStream;

/** Runs per-row work on the common fork-join pool, in bands so each task is worth scheduling. */
final class Parallel {
    private Parallel() {
    }

    static void rows(int height, IntConsumer row) {
        int bands = Math.max(1, Math.min(height, Runtime.getRuntime().availableProcessors() * 4));
        int per = (height + bands - 1) / bands;
        IntStream.range(0, bands).parallel().forEach(b -> {
            int end = Math.min(height, (b + 1) * per);
            for (int y = b * per; y < end; y++) {
                row.accept(y);
            }
        });
    }
}

package dev.storycore.enhance.ops.upscale;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class TileSpanTest {

    @Property(tries = 300)
    void coresPartitionTheAxisAndEveryCoreHasFullContext(@ForAll @IntRange(min = 1, max = 3000) int length,
                                                         @ForAll @IntRange(min = 16, max = 400) int tile,
                                                         @ForAll @IntRange(min = 0, max = 64) int overlap) {
        List<TileSpan> spans = TileSpan.cover(length, tile, overlap);
        int expectedStart = 0;
        for (TileSpan s : spans) {
            assertThat(s.coreStart()).isEqualTo(expectedStart);
            assertThat(s.coreLength()).isBetween(1, tile);
            assertThat(s.windowStart()).isLessThanOrEqualTo(s.coreStart() - overlap).isGreaterThanOrEqualTo(-overlap);
            assertThat(s.windowEnd()).isGreaterThanOrEqualTo(s.coreEnd() + overlap).isLessThanOrEqualTo(length + overlap);
            if (length > tile) {
                assertThat(s.windowLength()).as("one tensor shape for every tile").isEqualTo(tile + 2 * overlap);
            }
            expectedStart = s.coreEnd();
        }
        assertThat(expectedStart).isEqualTo(length);
        assertThat(spans).hasSize(Math.max(1, (length + tile - 1) / tile));
    }
}

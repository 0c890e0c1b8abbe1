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
                assertThat(s.windowLength()).as("one tensor shape for every tile").isEqualTo(spans.get(0).windowLength());
                assertThat(s.coreLength()).as("even cores").isGreaterThan(spans.get(0).coreLength() - spans.size());
            }
            expectedStart = s.coreEnd();
        }
        assertThat(expectedStart).isEqualTo(length);
        assertThat(spans).hasSize(Math.max(1, (length + tile - 1) / tile));
    }

    @org.junit.jupiter.api.Test
    void a4kSideIsCutIntoEvenTiles() {
        List<TileSpan> spans = TileSpan.cover(2160, 256, 16);
        assertThat(spans).hasSize(9).allSatisfy(s -> {
            assertThat(s.coreLength()).isEqualTo(240);
            assertThat(s.windowLength()).isEqualTo(272);
        });
        assertThat(TileSpan.cover(3840, 256, 16)).hasSize(15).allSatisfy(s -> assertThat(s.coreLength()).isEqualTo(256));
    }

    @Property(tries = 300)
    void networkEdgesKeepEveryWindowInsideThePicture(@ForAll @IntRange(min = 1, max = 3000) int length,
                                                     @ForAll @IntRange(min = 16, max = 400) int tile,
                                                     @ForAll @IntRange(min = 0, max = 64) int overlap) {
        List<TileSpan> reflected = TileSpan.cover(length, tile, overlap, EdgeMode.REFLECT);
        List<TileSpan> inside = TileSpan.cover(length, tile, overlap, EdgeMode.NETWORK);
        assertThat(inside).hasSameSizeAs(reflected);
        for (int i = 0; i < inside.size(); i++) {
            TileSpan s = inside.get(i);
            assertThat(s.coreStart()).isEqualTo(reflected.get(i).coreStart());
            assertThat(s.coreEnd()).isEqualTo(reflected.get(i).coreEnd());
            assertThat(s.windowStart()).isBetween(0, s.coreStart());
            assertThat(s.windowEnd()).isBetween(s.coreEnd(), length);
            // Context is cut only where the picture itself ends.
            assertThat(s.windowStart()).isLessThanOrEqualTo(Math.max(0, s.coreStart() - overlap));
            assertThat(s.windowEnd()).isGreaterThanOrEqualTo(Math.min(length, s.coreEnd() + overlap));
            assertThat(s.windowLength()).isEqualTo(Math.min(length, reflected.get(i).windowLength()));
        }
    }
}

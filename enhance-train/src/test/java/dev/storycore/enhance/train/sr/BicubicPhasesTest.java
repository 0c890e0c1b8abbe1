package dev.storycore.enhance.train.sr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BicubicPhasesTest {
    @Test
    void everyPhaseIsANormalisedFourTapKernel() {
        for (int scale : new int[] {2, 3, 4, 8}) {
            for (int r = 0; r < scale; r++) {
                double[] taps = BicubicPhases.taps(r, scale);
                double sum = 0;
                int nonZero = 0;
                for (double t : taps) {
                    sum += t;
                    nonZero += t != 0 ? 1 : 0;
                }
                assertThat(sum).as("scale %d phase %d", scale, r).isCloseTo(1.0, within(1e-12));
                assertThat(nonZero).isLessThanOrEqualTo(4);
            }
        }
    }

    @Test
    void theCentrePhaseOfAnOddScaleCopiesThePixel() {
        assertThat(BicubicPhases.taps(1, 3)).containsExactly(0, 0, 1, 0, 0);
    }

    @Test
    void phasesOfScaleTwoMirrorEachOther() {
        double[] left = BicubicPhases.taps(0, 2);
        double[] right = BicubicPhases.taps(1, 2);
        for (int i = 0; i < 5; i++) {
            assertThat(left[i]).isCloseTo(right[4 - i], within(1e-12));
        }
        // Output pixel 2i sits at source position i - 0.25: Keys (a = -0.75) at distances 1.75, 0.75, 0.25, 1.25.
        assertThat(left).containsExactly(new double[] {-0.03515625, 0.26171875, 0.87890625, -0.10546875, 0},
                within(1e-9));
    }
}

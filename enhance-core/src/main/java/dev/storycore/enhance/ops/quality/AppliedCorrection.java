package dev.storycore.enhance.ops.quality;

import java.util.Objects;

/**
 * One step of an optimisation run.
 *
 * @param suggestion    what was tried
 * @param accepted      whether its result was kept
 * @param overallBefore overall score before the step
 * @param overallAfter  overall score of the step's result
 * @param note          why it was kept or dropped
 */
public record AppliedCorrection(Suggestion suggestion, boolean accepted, double overallBefore, double overallAfter,
                                String note) {
    public AppliedCorrection {
        Objects.requireNonNull(suggestion, "suggestion");
        Objects.requireNonNull(note, "note");
    }
}

package dev.storycore.enhance.ops.quality;

import java.util.List;

/**
 * The analysis of one shot of a video (or of a single picture: one shot of one frame).
 *
 * @param firstFrame  index of the shot's first frame
 * @param lastFrame   index of its last frame
 * @param sampled     frames analysed (every n-th)
 * @param report      the report built from the median of the sampled frames' measurements
 * @param suggestions what the advisor suggests for the shot
 */
public record ShotReport(long firstFrame, long lastFrame, int sampled, QualityReport report,
                         List<Suggestion> suggestions) {
    public ShotReport {
        suggestions = List.copyOf(suggestions);
    }
}

package dev.storycore.enhance.ops.motion;

import org.bytedeco.opencv.opencv_video.DISOpticalFlow;

/**
 * OpenCV's DIS presets, from fastest to most accurate. ULTRAFAST: finest scale 2, patch 8, stride 5,
 * no variational refinement; FAST: stride 4, 5 refinement iterations; MEDIUM: finest scale 1,
 * patch 12, 25 descent iterations, 5 refinement iterations.
 */
public enum FlowPreset {
    ULTRAFAST(DISOpticalFlow.PRESET_ULTRAFAST),
    FAST(DISOpticalFlow.PRESET_FAST),
    MEDIUM(DISOpticalFlow.PRESET_MEDIUM);

    private final int openCvPreset;

    FlowPreset(int openCvPreset) {
        this.openCvPreset = openCvPreset;
    }

    int openCvPreset() {
        return openCvPreset;
    }
}

package dev.storycore.enhance.video;

import java.util.List;

/**
 * The video codecs {@link MediaWriter} encodes, each with the encoders of the LGPL FFmpeg build that can
 * produce it, in order of preference.
 */
public enum VideoCodec {
    /** H.264 through Cisco's openh264 (the LGPL build has no x264); the default for .mp4, .mov and .mkv. */
    H264("H.264", List.of("libopenh264")),
    /** VP9 through libvpx; the default for .webm. Keeps alpha (yuva420p) when frames have it. */
    VP9("VP9", List.of("libvpx-vp9")),
    /** AV1 through SVT-AV1 (fast) or, failing that, libaom. */
    AV1("AV1", List.of("libsvtav1", "libaom-av1")),
    /** FFV1, mathematically lossless (RGB kept as RGB, alpha and 16 bits kept); store it in .mkv. */
    FFV1("FFV1 (lossless)", List.of("ffv1"));

    private final String label;
    private final List<String> encoders;

    VideoCodec(String label, List<String> encoders) {
        this.label = label;
        this.encoders = encoders;
    }

    public String label() {
        return label;
    }

    /** FFmpeg encoder names able to produce this codec, preferred first. */
    public List<String> encoders() {
        return encoders;
    }
}

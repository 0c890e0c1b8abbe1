package dev.storycore.enhance.video;

import dev.storycore.enhance.frame.Rational;

/**
 * How {@link MediaWriter} encodes. Every field may be null, meaning "choose a sensible default".
 *
 * @param codec        the video codec; default by container: H.264 for .mp4/.mov/.mkv/.avi, VP9 for .webm
 * @param encoder      an FFmpeg encoder name overriding the codec's preferred one (e.g. "libaom-av1"); an encoder
 *                     this FFmpeg build lacks is refused with a {@link dev.storycore.enhance.errors.ResourceException}
 * @param crf          constant-quality level on the codec's own scale (VP9/AV1: 0..63, lower is better; H.264
 *                     (openh264, which has no CRF): used as the maximum quantiser 0..51); default VP9 31, AV1 32
 * @param bitRate      target bits per second; default for H.264: {@link #DEFAULT_BITS_PER_PIXEL} bits per pixel
 *                     per frame (e.g. about 5 Mb/s for 1280x720 at 30 fps); VP9/AV1 default to constant quality
 * @param frameRate    the output rate, e.g. 24000/1001; default the passthrough input's rate, else 25. Frame
 *                     timestamps are kept: this sets the time base (1/rate) and the encoder's rate control
 * @param pixelFormat  FFmpeg pixel format name, e.g. "yuv420p" (default for H.264/VP9/AV1) or "yuv444p"
 * @param imageQuality JPEG/WebP quality 1..100 for image outputs; default {@link Images#DEFAULT_JPEG_QUALITY}
 */
public record OutputOptions(VideoCodec codec, String encoder, Integer crf, Long bitRate, Rational frameRate,
                            String pixelFormat, Integer imageQuality) {
    /** H.264 default rate: 0.18 bits per pixel per frame, visually clean for upscaled content with openh264. */
    public static final double DEFAULT_BITS_PER_PIXEL = 0.18;

    public static OutputOptions defaults() {
        return new OutputOptions(null, null, null, null, null, null, null);
    }

    public OutputOptions withCodec(VideoCodec c) {
        return new OutputOptions(c, encoder, crf, bitRate, frameRate, pixelFormat, imageQuality);
    }

    public OutputOptions withEncoder(String e) {
        return new OutputOptions(codec, e, crf, bitRate, frameRate, pixelFormat, imageQuality);
    }

    public OutputOptions withCrf(Integer q) {
        return new OutputOptions(codec, encoder, q, bitRate, frameRate, pixelFormat, imageQuality);
    }

    public OutputOptions withBitRate(Long bps) {
        return new OutputOptions(codec, encoder, crf, bps, frameRate, pixelFormat, imageQuality);
    }

    public OutputOptions withFrameRate(Rational rate) {
        return new OutputOptions(codec, encoder, crf, bitRate, rate, pixelFormat, imageQuality);
    }

    public OutputOptions withPixelFormat(String format) {
        return new OutputOptions(codec, encoder, crf, bitRate, frameRate, format, imageQuality);
    }

    public OutputOptions withImageQuality(Integer quality) {
        return new OutputOptions(codec, encoder, crf, bitRate, frameRate, pixelFormat, quality);
    }
}

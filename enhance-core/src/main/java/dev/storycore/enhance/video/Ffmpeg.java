package dev.storycore.enhance.video;

import static org.bytedeco.ffmpeg.global.avutil.AV_LOG_FATAL;
import static org.bytedeco.ffmpeg.global.avutil.av_log_set_level;
import static org.bytedeco.ffmpeg.global.avutil.av_strerror;

import java.nio.charset.StandardCharsets;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avutil;
import dev.storycore.enhance.frame.Rational;

/** Small helpers around the FFmpeg C API: library set-up, error text, rationals. */
final class Ffmpeg {
    /** Microseconds, the unit of {@link dev.storycore.enhance.frame.Frame#timestampMicros()}. */
    static final AVRational MICROS = avutil.av_make_q(1, 1_000_000);

    private static volatile boolean initialised;

    private Ffmpeg() {
    }

    /**
     * Loads the native libraries once and silences FFmpeg's own console logging, which would otherwise
     * print decoder chatter into the CLI's output; set {@code -Dstorycore.ffmpeg.loglevel=32} (info) to see it.
     */
    static void init() {
        if (!initialised) {
            synchronized (Ffmpeg.class) {
                if (!initialised) {
                    org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
                    org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.swscale.class);
                    av_log_set_level(Integer.getInteger("storycore.ffmpeg.loglevel", AV_LOG_FATAL));
                    initialised = true;
                }
            }
        }
    }

    /** FFmpeg's description of an error code, e.g. "Invalid data found when processing input". */
    static String describe(int errorCode) {
        byte[] buf = new byte[256];
        av_strerror(errorCode, buf, buf.length);
        int len = 0;
        while (len < buf.length && buf[len] != 0) {
            len++;
        }
        return new String(buf, 0, len, StandardCharsets.UTF_8) + " (" + errorCode + ")";
    }

    static Rational rational(AVRational r) {
        if (r == null || r.den() <= 0 || r.num() < 0) {
            return Rational.ZERO;
        }
        return Rational.of(r.num(), r.den());
    }

    static AVRational av(Rational r) {
        return avutil.av_make_q((int) r.num(), (int) r.den());
    }

    static String string(org.bytedeco.javacpp.BytePointer p) {
        return p == null || p.isNull() ? "" : p.getString();
    }
}

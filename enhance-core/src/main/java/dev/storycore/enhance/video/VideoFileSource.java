package dev.storycore.enhance.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.frame.StreamInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;

/**
 * Decodes the best video stream of a file with FFmpeg, converting each picture into a fresh OpenCV Mat.
 *
 * <p>Unlike JavaCV's grabber, which treats every read or decode error as the end of the file, this source
 * keeps count: a read error, a decode error or fewer frames than the container recorded marks the input as
 * damaged, and (unless partial reads are allowed) {@link #next()} then throws instead of ending quietly.
 */
final class VideoFileSource implements MediaSource {
    private final FfmpegInput input;
    private final ReadOptions options;
    private final AVStream stream;
    private final AVCodecContext decoder;
    private final AVPacket packet;
    private final AVFrame picture;
    private final PictureConverter converter;
    private final long startOffset;
    private final int rotation;
    private final List<String> damage = new ArrayList<>();
    private long lastTimestamp = Long.MIN_VALUE;
    private long frameIndex;
    private long packetsRead;
    private int decodeErrors;
    private boolean draining;
    private boolean ended;
    private boolean closed;

    private VideoFileSource(FfmpegInput input, ReadOptions options) {
        this.input = input;
        this.options = options;
        this.stream = input.video();
        AVCodec codec = avcodec_find_decoder(stream.codecpar().codec_id());
        this.decoder = avcodec_alloc_context3(codec);
        this.packet = av_packet_alloc();
        this.picture = av_frame_alloc();
        this.converter = new PictureConverter(input.info().channels());
        this.startOffset = input.startOffset(stream);
        this.rotation = FfmpegInput.displayRotation(stream);
        int ret = avcodec_parameters_to_context(decoder, stream.codecpar());
        if (ret >= 0) {
            decoder.pkt_timebase(stream.time_base());
            decoder.thread_count(0); // one thread per core, chosen by FFmpeg
            ret = avcodec_open2(decoder, codec, (AVDictionary) null);
        }
        if (ret < 0) {
            freeNative();
            throw new InvalidInputException(input.path() + ": the video decoder could not be opened ("
                    + Ffmpeg.describe(ret) + "): the stream is damaged or uses an unsupported profile");
        }
    }

    static VideoFileSource open(java.nio.file.Path path, ReadOptions options) {
        FfmpegInput input = FfmpegInput.open(path, options.maxPixels(), true);
        try {
            Optional<String> truncated = input.truncationByIndex();
            if (truncated.isPresent() && !options.allowPartial()) {
                throw damaged(path, truncated.get());
            }
            VideoFileSource source = new VideoFileSource(input, options);
            truncated.ifPresent(source.damage::add);
            return source;
        } catch (RuntimeException e) {
            input.close();
            throw e;
        }
    }

    private static InvalidInputException damaged(java.nio.file.Path path, String what) {
        return new InvalidInputException(path + ": " + what + "; re-export or re-download it (or allow a"
                + " partial read to keep what decodes)");
    }

    @Override
    public StreamInfo info() {
        return input.info().video();
    }

    @Override
    public MediaInfo media() {
        return input.info();
    }

    @Override
    public Optional<String> damage() {
        return damage.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", damage));
    }

    @Override
    public Frame next() {
        if (closed) {
            throw new IllegalStateException("the source is closed");
        }
        if (ended) {
            return null;
        }
        while (true) {
            int ret = avcodec_receive_frame(decoder, picture);
            if (ret >= 0) {
                try {
                    return toFrame();
                } finally {
                    av_frame_unref(picture);
                }
            }
            if (ret == AVERROR_EOF()) {
                return end();
            }
            if (ret != AVERROR_EAGAIN()) {
                decodeErrors++; // the decoder drops the broken picture; keep going and report at the end
                if (draining) {
                    return end();
                }
                feedPacket();
                continue;
            }
            if (draining) {
                return end();
            }
            feedPacket();
        }
    }

    /** Sends the next video packet (or the end-of-stream signal) to the decoder. */
    private void feedPacket() {
        while (true) {
            int ret = av_read_frame(input.context(), packet);
            if (ret < 0) {
                if (ret != AVERROR_EOF()) {
                    damage.add("reading stopped with an error after " + frameIndex + " frames ("
                            + Ffmpeg.describe(ret) + ")");
                }
                draining = true;
                avcodec_send_packet(decoder, null);
                return;
            }
            try {
                if (packet.stream_index() != stream.index()) {
                    continue;
                }
                packetsRead++;
                ret = avcodec_send_packet(decoder, packet);
                if (ret < 0 && ret != AVERROR_EAGAIN()) {
                    decodeErrors++;
                }
                return;
            } finally {
                av_packet_unref(packet);
            }
        }
    }

    private Frame toFrame() {
        // Decoders conceal damage and still output the picture; they say so in these flags.
        if ((picture.flags() & org.bytedeco.ffmpeg.avutil.AVFrame.AV_FRAME_FLAG_CORRUPT) != 0
                || picture.decode_error_flags() != 0) {
            decodeErrors++;
        }
        long pts = picture.best_effort_timestamp();
        long micros;
        if (pts == AV_NOPTS_VALUE) {
            Rational rate = info().frameRate();
            micros = rate.isZero() ? frameIndex : Math.round(frameIndex * 1e6 * rate.den() / rate.num());
        } else {
            micros = av_rescale_q(pts - startOffset, stream.time_base(), Ffmpeg.MICROS);
        }
        lastTimestamp = micros;
        Frame frame = new Frame(upright(converter.toMat(picture)), frameIndex, micros);
        frameIndex++;
        return frame;
    }

    /** Applies the display rotation, so that frames come upright as players show them. */
    private org.bytedeco.opencv.opencv_core.Mat upright(org.bytedeco.opencv.opencv_core.Mat mat) {
        if (rotation == 0) {
            return mat;
        }
        int code = switch (rotation) {
            case 90 -> org.bytedeco.opencv.global.opencv_core.ROTATE_90_CLOCKWISE;
            case 180 -> org.bytedeco.opencv.global.opencv_core.ROTATE_180;
            default -> org.bytedeco.opencv.global.opencv_core.ROTATE_90_COUNTERCLOCKWISE;
        };
        org.bytedeco.opencv.opencv_core.Mat turned = new org.bytedeco.opencv.opencv_core.Mat();
        org.bytedeco.opencv.global.opencv_core.rotate(mat, turned, code);
        mat.close();
        return turned;
    }

    private Frame end() {
        ended = true;
        checkCompleteness();
        if (!damage.isEmpty() && !options.allowPartial()) {
            throw damaged(input.path(), String.join("; ", damage));
        }
        return null;
    }

    /** After the last frame: compare what was decoded with what the container promised. */
    private void checkCompleteness() {
        if (decodeErrors > 0) {
            damage.add(decodeErrors + " decode error" + (decodeErrors == 1 ? "" : "s"));
        }
        if (frameIndex == 0) {
            damage.add("no frame could be decoded");
            return;
        }
        // Packets, not decoded frames: an edit list (a trimmed phone video) legitimately hides decoded frames.
        long recordedFrames = stream.nb_frames();
        if (recordedFrames > 0 && packetsRead < recordedFrames) {
            damage.add("read " + packetsRead + " of the " + recordedFrames + " video packets the container lists");
            return;
        }
        long recorded = input.recordedVideoDurationMicros();
        Rational rate = info().frameRate();
        if (recorded > 0 && !rate.isZero() && lastTimestamp != Long.MIN_VALUE) {
            double frameMicros = 1e6 * rate.den() / rate.num();
            long reached = lastTimestamp + Math.round(frameMicros);
            long tolerance = Math.max(500_000, Math.round(3 * frameMicros));
            if (reached + tolerance < recorded) {
                damage.add(String.format(java.util.Locale.ROOT,
                        "the video stops at %.2f s but the file says it lasts %.2f s", reached / 1e6, recorded / 1e6));
            }
        }
    }

    private void freeNative() {
        av_frame_free(picture);
        av_packet_free(packet);
        avcodec_free_context(decoder);
        converter.close();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            freeNative();
            input.close();
        }
    }
}

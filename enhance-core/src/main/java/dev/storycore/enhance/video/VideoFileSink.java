package dev.storycore.enhance.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_FLAG_GLOBAL_HEADER;
import static org.bytedeco.ffmpeg.global.avcodec.FF_COMPLIANCE_NORMAL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_packet;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_frame;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_GLOBALHEADER;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOFILE;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_guess_format;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_query_codec;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_PRI_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_MPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_TRC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EAGAIN;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_ALPHA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_get_buffer;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_make_writable;
import static org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.errors.ResourceException;
import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVOutputFormat;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encodes frames into a video file with FFmpeg's C API (not JavaCV's recorder, which silently substitutes
 * another encoder when the requested one is missing and rounds timestamps to a frame grid): the encoder is
 * looked up by name and never replaced, every frame keeps its own timestamp, and the input's audio and
 * subtitle packets are copied in by a {@link StreamCopier}.
 *
 * <p>The encoder opens on the first frame (whose size it takes); the file is written under a temporary name and
 * renamed by {@link #finish()}.
 */
final class VideoFileSink implements MediaSink {
    private static final Logger LOG = LoggerFactory.getLogger(VideoFileSink.class);

    private final Path output;
    private final OutputOptions options;
    private final MediaInfo passthrough;
    private final AVOutputFormat format;
    private final String containerLabel;
    private final VideoCodec codec;
    private final AVCodec encoder;
    private final String encoderName;
    private final TempOutput temp;
    private final List<String> warnings = new ArrayList<>();
    private final PictureConverter converter = new PictureConverter(3);

    private AVFormatContext muxer;
    private AVCodecContext context;
    private AVStream stream;
    private AVFrame picture;
    private AVPacket packet;
    private StreamCopier copier;
    private Rational rate;
    private long lastPts = Long.MIN_VALUE;
    private long frames;
    private int retimed;
    private boolean alphaWarned;
    private boolean finished;
    private boolean closed;

    VideoFileSink(Path output, OutputOptions options, MediaInfo passthrough) {
        Ffmpeg.init();
        this.output = output;
        this.options = options;
        this.passthrough = passthrough;
        String ext = ImageHeaders.extension(output);
        this.containerLabel = "." + ext;
        this.format = av_guess_format(null, output.getFileName().toString(), null);
        if (format == null || format.isNull()) {
            throw new InvalidInputException("cannot tell which container to write from the name " + output
                    + ": end it with .mp4, .mkv, .webm or .mov");
        }
        this.codec = options.codec() != null ? options.codec() : defaultCodec(ext);
        this.encoderName = chooseEncoder(codec, options.encoder());
        this.encoder = avcodec_find_encoder_by_name(encoderName);
        if (avformat_query_codec(format, encoder.id(), FF_COMPLIANCE_NORMAL) == 0) {
            throw new InvalidInputException(codec.label() + " video cannot be stored in " + containerLabel
                    + ": use " + (codec == VideoCodec.FFV1 ? ".mkv" : ".mkv or .mp4") + " for the output");
        }
        this.temp = TempOutput.fileFor(output);
    }

    static VideoCodec defaultCodec(String extension) {
        return extension.equals("webm") ? VideoCodec.VP9 : VideoCodec.H264;
    }

    /** The first available encoder for the codec, or the requested one; refuses encoders not in this build. */
    static String chooseEncoder(VideoCodec codec, String requested) {
        List<String> candidates = requested != null ? List.of(requested) : codec.encoders();
        for (String name : candidates) {
            AVCodec c = avcodec_find_encoder_by_name(name);
            if (c != null && !c.isNull()) {
                return name;
            }
        }
        throw new ResourceException("the video encoder " + String.join(" / ", candidates)
                + (requested != null ? "" : " (" + codec.label() + ")") + " is not available in this FFmpeg build;"
                + " available: " + availableEncoders());
    }

    static String availableEncoders() {
        List<String> found = new ArrayList<>();
        for (VideoCodec c : VideoCodec.values()) {
            for (String name : c.encoders()) {
                AVCodec e = avcodec_find_encoder_by_name(name);
                if (e != null && !e.isNull()) {
                    found.add(name + " (" + c.label() + ")");
                    break;
                }
            }
        }
        return String.join(", ", found);
    }

    @Override
    public Path output() {
        return output;
    }

    @Override
    public String encoder() {
        return encoderName;
    }

    @Override
    public long framesWritten() {
        return frames;
    }

    @Override
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    @Override
    public void write(Frame frame) {
        if (finished || closed) {
            throw new IllegalStateException("the sink for " + output + " is already " + (closed ? "closed" : "finished"));
        }
        if (context == null) {
            start(frame);
        }
        if (frame.width() != context.width() || frame.height() != context.height()) {
            throw new InvalidInputException("frame " + frame.index() + " is " + frame.width() + "x" + frame.height()
                    + " but the video started at " + context.width() + "x" + context.height()
                    + ": a video needs one picture size throughout");
        }
        if (frame.channels() == 4 && !hasAlpha(context.pix_fmt()) && !alphaWarned) {
            alphaWarned = true;
            warnings.add(codec.label() + " in " + containerLabel + " (" + pixelFormatName(context.pix_fmt())
                    + ") has no alpha channel: transparency was dropped; write .webm (VP9), .mkv with FFV1 or"
                    + " PNG images to keep it");
        }
        int ret = av_frame_make_writable(picture);
        if (ret < 0) {
            throw new ResourceException("cannot prepare a frame for encoding (" + Ffmpeg.describe(ret) + ")");
        }
        converter.fill(frame.image(), picture);
        long pts = ptsOf(frame);
        picture.pts(pts);
        encode(picture);
        frames++;
        if (copier != null) {
            copier.copyUntil(av_rescale_q(pts, context.time_base(), Ffmpeg.MICROS));
        }
    }

    private long ptsOf(Frame frame) {
        long micros = frame.timestampMicros() != Frame.NO_TIMESTAMP ? frame.timestampMicros()
                : Math.round(frame.index() * 1e6 * rate.den() / rate.num());
        long pts = av_rescale_q(micros, Ffmpeg.MICROS, context.time_base());
        if (pts <= lastPts) {
            // Two frames closer together than the time base allows: keep order, shift by one tick.
            pts = lastPts + 1;
            if (retimed++ == 0) {
                warnings.add("frame " + frame.index() + " and later ones had timestamps closer than the output"
                        + " time base (" + Ffmpeg.rational(context.time_base()) + " s) and were shifted by a tick;"
                        + " set a higher output frame rate to keep them exact");
            }
        }
        lastPts = pts;
        return pts;
    }

    private void start(Frame first) {
        rate = options.frameRate() != null && !options.frameRate().isZero() ? options.frameRate()
                : passthrough != null && !passthrough.video().frameRate().isZero() ? passthrough.video().frameRate()
                : Rational.of(25, 1);
        Rational timeBase = timeBase(rate);

        AVFormatContext oc = new AVFormatContext(null);
        int ret = avformat_alloc_output_context2(oc, format, (String) null, temp.temp().toString());
        if (ret < 0) {
            throw new ResourceException("cannot create the output " + output + " (" + Ffmpeg.describe(ret) + ")");
        }
        muxer = oc;
        context = avcodec_alloc_context3(encoder);
        context.width(first.width());
        context.height(first.height());
        context.pix_fmt(pixelFormat(first));
        context.time_base(Ffmpeg.av(timeBase));
        context.framerate(Ffmpeg.av(rate));
        context.sample_aspect_ratio(org.bytedeco.ffmpeg.global.avutil.av_make_q(1, 1));
        context.gop_size((int) Math.max(1, Math.round(rate.toDouble() * 2))); // a keyframe every 2 s for seeking
        context.thread_count(0);
        if (!isRgb(context.pix_fmt())) {
            context.colorspace(AVCOL_SPC_BT709);
            context.color_primaries(AVCOL_PRI_BT709);
            context.color_trc(AVCOL_TRC_BT709);
            context.color_range(AVCOL_RANGE_MPEG);
        }
        if ((format.flags() & AVFMT_GLOBALHEADER) != 0) {
            context.flags(context.flags() | AV_CODEC_FLAG_GLOBAL_HEADER);
        }
        openEncoder(first);

        stream = avformat_new_stream(muxer, null);
        avcodec_parameters_from_context(stream.codecpar(), context);
        stream.time_base(context.time_base());
        stream.avg_frame_rate(context.framerate());

        if (passthrough != null && passthrough.isVideo() && (passthrough.hasAudio() || passthrough.hasSubtitles())) {
            copier = StreamCopier.open(passthrough, muxer, containerLabel, warnings);
        }
        if ((format.flags() & AVFMT_NOFILE) == 0) {
            AVIOContext pb = new AVIOContext(null);
            ret = avio_open(pb, temp.temp().toString(), AVIO_FLAG_WRITE);
            if (ret < 0) {
                throw new ResourceException("cannot write " + temp.temp() + " (" + Ffmpeg.describe(ret)
                        + "): check free space and permissions");
            }
            muxer.pb(pb);
        }
        AVDictionary muxOptions = new AVDictionary(null);
        if (containerLabel.equals(".mp4") || containerLabel.equals(".mov") || containerLabel.equals(".m4v")) {
            av_dict_set(muxOptions, "movflags", "+faststart", 0); // index first: playable while downloading
        }
        ret = avformat_write_header(muxer, muxOptions);
        av_dict_free(muxOptions);
        if (ret < 0) {
            throw new ResourceException("cannot start writing " + output + " (" + Ffmpeg.describe(ret) + ")");
        }
        picture = av_frame_alloc();
        picture.format(context.pix_fmt());
        picture.width(context.width());
        picture.height(context.height());
        ret = av_frame_get_buffer(picture, 0);
        if (ret < 0) {
            throw new ResourceException("cannot allocate a " + context.width() + "x" + context.height()
                    + " frame (" + Ffmpeg.describe(ret) + ")");
        }
        packet = av_packet_alloc();
        LOG.debug("writing {} with {} {}x{} {} at {} fps, time base {}", output, encoderName, context.width(),
                context.height(), pixelFormatName(context.pix_fmt()), rate, timeBase);
    }

    /**
     * The time base timestamps are stored in. The input's own time base represents its timestamps exactly (also
     * variable frame rates) as long as the rate is unchanged. Otherwise 1/(k x rate numerator), at least as fine
     * as a millisecond: exact for the constant rate (24000/1001 -> 1/24000, 25 -> 1/1000) and fine enough for
     * millisecond-timed variable-rate frames. AVI reads its time base as the frame rate, so it gets den/num.
     */
    private Rational timeBase(Rational rate) {
        if (options.frameRate() == null && passthrough != null && passthrough.isVideo() && !passthrough.timeBase().isZero()) {
            return passthrough.timeBase();
        }
        if (containerLabel.equals(".avi")) {
            return Rational.of(rate.den(), rate.num());
        }
        long k = Math.max(1, (1000 + rate.num() - 1) / rate.num());
        return Rational.of(1, rate.num() * k);
    }

    private int pixelFormat(Frame first) {
        if (options.pixelFormat() != null) {
            int f = av_get_pix_fmt(options.pixelFormat());
            if (f == AV_PIX_FMT_NONE) {
                throw new InvalidInputException("unknown pixel format '" + options.pixelFormat()
                        + "': use an FFmpeg name such as yuv420p or yuv444p");
            }
            return f;
        }
        boolean alpha = first.channels() == 4;
        boolean sixteen = first.depth() == org.bytedeco.opencv.global.opencv_core.CV_16U;
        String name = switch (codec) {
            case FFV1 -> first.channels() == 1 ? (sixteen ? "gray16le" : "gray")
                    : alpha ? (sixteen ? "rgba64le" : "bgra")
                    : (sixteen ? "gbrp16le" : "bgr0");
            case VP9 -> alpha ? "yuva420p" : "yuv420p";
            default -> "yuv420p";
        };
        return av_get_pix_fmt(name);
    }

    private void openEncoder(Frame first) {
        boolean chroma420 = pixelFormatName(context.pix_fmt()).contains("420");
        if (chroma420 && (first.width() % 2 != 0 || first.height() % 2 != 0) && codec == VideoCodec.H264) {
            throw new InvalidInputException("H.264 (" + pixelFormatName(context.pix_fmt()) + ") needs an even width"
                    + " and height, but the frames are " + first.width() + "x" + first.height()
                    + ": choose an even output size, or write .webm (VP9) or .mkv with FFV1");
        }
        AVDictionary opts = new AVDictionary(null);
        long pixelsPerSecond = Math.round((double) first.width() * first.height() * rate.toDouble());
        switch (encoderName) {
            case "libopenh264" -> {
                long bps = options.bitRate() != null ? options.bitRate()
                        : Math.max(200_000, Math.round(pixelsPerSecond * OutputOptions.DEFAULT_BITS_PER_PIXEL));
                context.bit_rate(bps);
                context.rc_max_rate(bps * 2);
                av_dict_set(opts, "rc_mode", "bitrate", 0);
                av_dict_set(opts, "allow_skip_frames", "0", 0); // never drop frames to meet the rate
                if (options.crf() != null) {
                    context.qmax(Math.max(1, Math.min(51, options.crf())));
                }
            }
            case "libvpx-vp9" -> {
                setQuality(opts, 31);
                av_dict_set(opts, "row-mt", "1", 0);
                av_dict_set(opts, "deadline", "good", 0);
                av_dict_set(opts, "cpu-used", "4", 0);
            }
            case "libsvtav1" -> {
                setQuality(opts, 32);
                av_dict_set(opts, "preset", "8", 0);
            }
            case "libaom-av1" -> {
                setQuality(opts, 32);
                av_dict_set(opts, "cpu-used", "6", 0);
                av_dict_set(opts, "row-mt", "1", 0);
            }
            case "ffv1" -> {
                av_dict_set(opts, "level", "3", 0);
                av_dict_set(opts, "slicecrc", "1", 0);
                context.gop_size(1);
            }
            default -> {
                if (options.bitRate() != null) {
                    context.bit_rate(options.bitRate());
                }
            }
        }
        int ret = avcodec_open2(context, encoder, opts);
        av_dict_free(opts);
        if (ret < 0) {
            throw new ResourceException("the encoder " + encoderName + " refused " + first.width() + "x"
                    + first.height() + " " + pixelFormatName(context.pix_fmt()) + " at " + rate + " fps ("
                    + Ffmpeg.describe(ret) + "): try another pixel format or codec");
        }
        // FFmpeg must not have put another encoder in place of the one asked for.
        String opened = Ffmpeg.string(context.codec().name());
        if (!opened.equals(encoderName)) {
            throw new ResourceException("asked for the encoder " + encoderName + " but FFmpeg opened " + opened
                    + "; available: " + availableEncoders());
        }
    }

    private void setQuality(AVDictionary opts, int defaultCrf) {
        if (options.bitRate() != null && options.crf() == null) {
            context.bit_rate(options.bitRate());
        } else {
            context.bit_rate(0); // constant quality
            av_dict_set(opts, "crf", Integer.toString(options.crf() != null ? options.crf() : defaultCrf), 0);
        }
    }

    private void encode(AVFrame frameOrNull) {
        int ret = avcodec_send_frame(context, frameOrNull);
        if (ret < 0 && ret != AVERROR_EOF()) {
            throw new ResourceException("the encoder " + encoderName + " failed (" + Ffmpeg.describe(ret) + ")");
        }
        while (true) {
            ret = avcodec_receive_packet(context, packet);
            if (ret == AVERROR_EAGAIN() || ret == AVERROR_EOF()) {
                return;
            }
            if (ret < 0) {
                throw new ResourceException("the encoder " + encoderName + " failed (" + Ffmpeg.describe(ret) + ")");
            }
            av_packet_rescale_ts(packet, context.time_base(), stream.time_base());
            packet.stream_index(stream.index());
            ret = av_interleaved_write_frame(muxer, packet);
            if (ret < 0) {
                throw new ResourceException("writing " + output + " failed (" + Ffmpeg.describe(ret)
                        + "): check free space");
            }
        }
    }

    @Override
    public void finish() {
        if (closed || finished) {
            throw new IllegalStateException("the sink for " + output + " is already " + (closed ? "closed" : "finished"));
        }
        if (context == null) {
            throw new IllegalStateException("no frame was written to " + output);
        }
        encode(null);
        if (copier != null) {
            copier.copyRest();
        }
        int ret = av_write_trailer(muxer);
        if (ret < 0) {
            throw new ResourceException("finishing " + output + " failed (" + Ffmpeg.describe(ret) + ")");
        }
        closeFile();
        temp.commit();
        finished = true;
        for (String w : warnings) {
            LOG.warn("{}: {}", output.getFileName(), w);
        }
    }

    private void closeFile() {
        if (muxer != null && muxer.pb() != null && !muxer.pb().isNull() && (format.flags() & AVFMT_NOFILE) == 0) {
            AVIOContext pb = muxer.pb();
            avio_closep(pb);
            muxer.pb(null);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (copier != null) {
                copier.close();
            }
            if (picture != null) {
                av_frame_free(picture);
            }
            if (packet != null) {
                av_packet_free(packet);
            }
            if (context != null) {
                avcodec_free_context(context);
            }
            if (muxer != null) {
                closeFile();
                avformat_free_context(muxer);
            }
            converter.close();
        } finally {
            if (!finished) {
                temp.discard();
            }
        }
    }

    private static boolean hasAlpha(int pixelFormat) {
        AVPixFmtDescriptor d = av_pix_fmt_desc_get(pixelFormat);
        return d != null && (d.flags() & AV_PIX_FMT_FLAG_ALPHA) != 0;
    }

    private static boolean isRgb(int pixelFormat) {
        AVPixFmtDescriptor d = av_pix_fmt_desc_get(pixelFormat);
        return d != null && ((d.flags() & AV_PIX_FMT_FLAG_RGB) != 0 || d.nb_components() < 3);
    }

    static String pixelFormatName(int pixelFormat) {
        return Ffmpeg.string(org.bytedeco.ffmpeg.global.avutil.av_get_pix_fmt_name(pixelFormat)).toLowerCase(Locale.ROOT);
    }
}

package dev.storycore.enhance.video;

import static org.bytedeco.ffmpeg.global.avformat.AVFMT_DURATION_FROM_BITRATE;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entries_count;
import static org.bytedeco.ffmpeg.global.avformat.avformat_index_get_entry;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avio_size;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_ALPHA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.frame.StreamInfo;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avcodec;

/** An opened FFmpeg demuxer over one file, with its video stream found and described. */
final class FfmpegInput implements AutoCloseable {
    private final Path path;
    private final AVFormatContext context;
    private final AVStream video;
    private final MediaInfo info;

    private FfmpegInput(Path path, AVFormatContext context, AVStream video, MediaInfo info) {
        this.path = path;
        this.context = context;
        this.video = video;
        this.info = info;
    }

    /**
     * Opens and probes {@code path}. The caller has checked that the file exists and is not empty.
     *
     * @param requireVideo whether a file without a video stream is refused
     */
    static FfmpegInput open(Path path, long maxPixels, boolean requireVideo) {
        Ffmpeg.init();
        AVFormatContext ctx = new AVFormatContext(null);
        int ret = avformat_open_input(ctx, path.toString(), null, null);
        if (ret < 0) {
            throw new InvalidInputException(path + " is not a media file FFmpeg can read (" + Ffmpeg.describe(ret)
                    + "): pass a video (mp4, mkv, mov, avi, webm) or an image (png, jpg, webp, tif)");
        }
        try {
            ret = avformat_find_stream_info(ctx, (org.bytedeco.javacpp.PointerPointer<?>) null);
            if (ret < 0) {
                throw new InvalidInputException(path + " is damaged: FFmpeg cannot read its stream information ("
                        + Ffmpeg.describe(ret) + "); re-export or re-download it");
            }
            int vi = av_find_best_stream(ctx, AVMEDIA_TYPE_VIDEO, -1, -1, (org.bytedeco.javacpp.PointerPointer<?>) null, 0);
            AVStream video = vi >= 0 ? ctx.streams(vi) : null;
            if (video == null && requireVideo) {
                throw new InvalidInputException(path + " has no video stream (" + describeStreams(ctx)
                        + "): pass a video or image file");
            }
            if (video != null) {
                AVCodecParameters par = video.codecpar();
                InputChecks.requireSize(path, par.width(), par.height(), maxPixels);
                if (avcodec.avcodec_find_decoder(par.codec_id()) == null) {
                    throw new InvalidInputException(path + " uses the video codec '"
                            + Ffmpeg.string(avcodec.avcodec_get_name(par.codec_id()))
                            + "', which this FFmpeg build cannot decode: convert it to H.264 or VP9 first");
                }
            }
            MediaInfo info = describe(path, ctx, video);
            return new FfmpegInput(path, ctx, video, info);
        } catch (RuntimeException e) {
            avformat_close_input(ctx);
            throw e;
        }
    }

    AVFormatContext context() {
        return context;
    }

    AVStream video() {
        return video;
    }

    MediaInfo info() {
        return info;
    }

    /** The container's start time in the video stream's time base (subtracted from every timestamp). */
    long startOffset(AVStream stream) {
        long start = context.start_time();
        return start == AV_NOPTS_VALUE ? 0 : av_rescale_q(start, avutilTimeBaseQ(), stream.time_base());
    }

    /** The container's start time in microseconds (0 when unknown). */
    long startMicros() {
        long start = context.start_time();
        return start == AV_NOPTS_VALUE ? 0 : start;
    }

    private static org.bytedeco.ffmpeg.avutil.AVRational avutilTimeBaseQ() {
        return org.bytedeco.ffmpeg.global.avutil.av_make_q(1, org.bytedeco.ffmpeg.global.avutil.AV_TIME_BASE);
    }

    /**
     * Whether the file is shorter than its own index says: the last indexed video packet lies beyond the end
     * of the file. Catches interrupted downloads of MP4/MOV (whose index is at the front) before decoding.
     */
    Optional<String> truncationByIndex() {
        if (video == null || context.pb() == null) {
            return Optional.empty();
        }
        long size = avio_size(context.pb());
        int n = avformat_index_get_entries_count(video);
        if (size <= 0 || n <= 0) {
            return Optional.empty();
        }
        AVIndexEntry last = avformat_index_get_entry(video, n - 1);
        if (last != null && last.pos() > 0 && last.pos() + last.size() > size) {
            int present = 0;
            for (int i = 0; i < n; i++) {
                AVIndexEntry e = avformat_index_get_entry(video, i);
                if (e != null && e.pos() + e.size() <= size) {
                    present++;
                }
            }
            return Optional.of("the file is truncated: it holds " + present + " of the " + n
                    + " video frames its index lists (" + size + " bytes present)");
        }
        return Optional.empty();
    }

    /** The video stream's duration in microseconds as the container records it, or 0 when not recorded. */
    long recordedVideoDurationMicros() {
        if (video == null) {
            return 0;
        }
        if (video.duration() != AV_NOPTS_VALUE && video.duration() > 0) {
            return av_rescale_q(video.duration(), video.time_base(), Ffmpeg.MICROS);
        }
        // Matroska keeps per-track durations as a "DURATION" tag (hh:mm:ss.nnnnnnnnn) written by the muxer.
        String tag = metadata(video, "DURATION");
        if (!tag.isEmpty()) {
            long parsed = parseClock(tag);
            if (parsed > 0) {
                return parsed;
            }
        }
        boolean onlyVideo = true;
        for (int i = 0; i < context.nb_streams(); i++) {
            int type = context.streams(i).codecpar().codec_type();
            if (type == AVMEDIA_TYPE_AUDIO) {
                onlyVideo = false;
            }
        }
        if (onlyVideo && context.duration() > 0 && context.duration_estimation_method() != AVFMT_DURATION_FROM_BITRATE) {
            return context.duration();
        }
        return 0;
    }

    private static long parseClock(String clock) {
        try {
            String[] parts = clock.trim().split(":");
            if (parts.length != 3) {
                return 0;
            }
            java.math.BigDecimal seconds = new java.math.BigDecimal(parts[2])
                    .add(java.math.BigDecimal.valueOf(Long.parseLong(parts[1]) * 60))
                    .add(java.math.BigDecimal.valueOf(Long.parseLong(parts[0]) * 3600));
            return seconds.movePointRight(6).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static MediaInfo describe(Path path, AVFormatContext ctx, AVStream video) {
        List<TrackInfo> audio = new ArrayList<>();
        List<TrackInfo> subtitles = new ArrayList<>();
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream st = ctx.streams(i);
            int type = st.codecpar().codec_type();
            if (type == AVMEDIA_TYPE_AUDIO || type == AVMEDIA_TYPE_SUBTITLE) {
                long dur = st.duration() != AV_NOPTS_VALUE && st.duration() > 0
                        ? av_rescale_q(st.duration(), st.time_base(), Ffmpeg.MICROS) : 0;
                TrackInfo t = new TrackInfo(i, Ffmpeg.string(avcodec.avcodec_get_name(st.codecpar().codec_id())),
                        metadata(st, "language"), dur);
                (type == AVMEDIA_TYPE_AUDIO ? audio : subtitles).add(t);
            }
        }
        String container = Ffmpeg.string(ctx.iformat().name());
        if (video == null) {
            return new MediaInfo(path, MediaKind.VIDEO, new StreamInfo(0, 0, Rational.ZERO, 0, 0, !audio.isEmpty()),
                    container, "", 0, 0, Rational.ZERO, audio, subtitles);
        }
        AVCodecParameters par = video.codecpar();
        Rational rate = Ffmpeg.rational(video.avg_frame_rate());
        if (rate.isZero()) {
            rate = Ffmpeg.rational(video.r_frame_rate());
        }
        long duration = video.duration() != AV_NOPTS_VALUE && video.duration() > 0
                ? av_rescale_q(video.duration(), video.time_base(), Ffmpeg.MICROS)
                : Math.max(0, ctx.duration() == AV_NOPTS_VALUE ? 0 : ctx.duration());
        long frames = video.nb_frames();
        if (frames <= 0 && duration > 0 && !rate.isZero()) {
            frames = Math.round(duration / 1e6 * rate.toDouble());
        }
        boolean quarterTurn = displayRotation(video) % 180 != 0;
        StreamInfo si = new StreamInfo(quarterTurn ? par.height() : par.width(), quarterTurn ? par.width() : par.height(),
                rate, Math.max(0, frames), duration, !audio.isEmpty());
        return new MediaInfo(path, MediaKind.VIDEO, si, container,
                Ffmpeg.string(avcodec.avcodec_get_name(par.codec_id())), channelsOf(par.format()), 8,
                Ffmpeg.rational(video.time_base()), audio, subtitles);
    }

    /**
     * Clockwise rotation, 0, 90, 180 or 270 degrees, that the stream's display matrix asks players to apply
     * (phones store portrait video as landscape pictures plus this matrix). Mirroring matrices are ignored.
     */
    static int displayRotation(AVStream video) {
        if (video == null) {
            return 0;
        }
        AVCodecParameters par = video.codecpar();
        org.bytedeco.ffmpeg.avcodec.AVPacketSideData sd = avcodec.av_packet_side_data_get(par.coded_side_data(),
                par.nb_coded_side_data(), avcodec.AV_PKT_DATA_DISPLAYMATRIX);
        if (sd == null || sd.isNull() || sd.size() < 36) {
            return 0;
        }
        double counterClockwise = org.bytedeco.ffmpeg.global.avutil.av_display_rotation_get(
                new org.bytedeco.javacpp.IntPointer(sd.data()));
        if (Double.isNaN(counterClockwise)) {
            return 0;
        }
        long clockwise = Math.round(-counterClockwise / 90.0) * 90;
        return (int) (((clockwise % 360) + 360) % 360);
    }

    /** 4 for pixel formats with alpha, 1 for grey, else 3 (BGR). */
    static int channelsOf(int pixelFormat) {
        AVPixFmtDescriptor d = pixelFormat < 0 ? null : av_pix_fmt_desc_get(pixelFormat);
        if (d == null) {
            return 3;
        }
        long flags = d.flags();
        if ((flags & AV_PIX_FMT_FLAG_ALPHA) != 0 && (flags & AV_PIX_FMT_FLAG_PAL) == 0) {
            return 4;
        }
        if (d.nb_components() == 1 && (flags & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) == 0) {
            return 1;
        }
        return 3;
    }

    static String metadata(AVStream st, String key) {
        AVDictionaryEntry e = av_dict_get(st.metadata(), key, null, 0);
        return e == null ? "" : Ffmpeg.string(e.value());
    }

    private static String describeStreams(AVFormatContext ctx) {
        if (ctx.nb_streams() == 0) {
            return "no streams at all";
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < ctx.nb_streams(); i++) {
            AVStream st = ctx.streams(i);
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(Ffmpeg.string(org.bytedeco.ffmpeg.global.avutil.av_get_media_type_string(st.codecpar().codec_type())))
                    .append(' ').append(Ffmpeg.string(avcodec.avcodec_get_name(st.codecpar().codec_id())));
        }
        return "streams: " + sb;
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        avformat_close_input(context);
    }
}

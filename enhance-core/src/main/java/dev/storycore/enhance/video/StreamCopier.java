package dev.storycore.enhance.video;

import static org.bytedeco.ffmpeg.global.avcodec.AVDISCARD_ALL;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_query_codec;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_copy;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import dev.storycore.enhance.errors.ResourceException;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.global.avcodec;

/**
 * Copies the audio and subtitle packets of an input file into an output being muxed, unchanged (no decoding),
 * interleaved with the newly encoded video. Timestamps move by the input's start time, exactly as the video
 * frames read by {@link VideoFileSource} do, so sound and pictures stay in sync.
 *
 * <p>Text subtitles the container cannot hold as they are (SubRip or ASS into MP4/MOV/WebM) are converted to
 * the container's text format (mov_text, WebVTT) with their text and timing kept. Any other stream the
 * container cannot hold (say AAC audio in WebM, bitmap subtitles in MP4) is left out with a warning naming it
 * and the container that would keep it.
 */
final class StreamCopier implements AutoCloseable {
    private final FfmpegInput input;
    private final AVFormatContext output;
    private final AVStream[] mapped;
    private final long[] offsets;
    private final SubtitleTranscoder[] transcoders;
    private final AVPacket packet = av_packet_alloc();
    private boolean pending;
    private long pendingMicros;
    private boolean exhausted;
    private int copiedStreams;

    private StreamCopier(FfmpegInput input, AVFormatContext output) {
        this.input = input;
        this.output = output;
        int n = input.context().nb_streams();
        this.mapped = new AVStream[n];
        this.offsets = new long[n];
        this.transcoders = new SubtitleTranscoder[n];
    }

    /** The text subtitle codec of containers that hold only one: mov_text for MP4/MOV, WebVTT for WebM; else -1. */
    private static int textSubtitleCodecFor(AVFormatContext output) {
        if (avformat_query_codec(output.oformat(), avcodec.AV_CODEC_ID_MOV_TEXT, avcodec.FF_COMPLIANCE_NORMAL) == 1) {
            return avcodec.AV_CODEC_ID_MOV_TEXT;
        }
        if (avformat_query_codec(output.oformat(), avcodec.AV_CODEC_ID_WEBVTT, avcodec.FF_COMPLIANCE_NORMAL) == 1) {
            return avcodec.AV_CODEC_ID_WEBVTT;
        }
        return -1;
    }

    /**
     * Opens {@code source} again and adds an output stream for each of its audio and subtitle streams that
     * {@code output}'s container can hold. Call before writing the output header.
     */
    static StreamCopier open(MediaInfo source, AVFormatContext output, String containerLabel, List<String> warnings) {
        FfmpegInput input = FfmpegInput.open(source.path(), Long.MAX_VALUE, false);
        StreamCopier copier = new StreamCopier(input, output);
        try {
            copier.mapStreams(containerLabel, warnings);
            return copier;
        } catch (RuntimeException e) {
            copier.close();
            throw e;
        }
    }

    private void mapStreams(String containerLabel, List<String> warnings) {
        AVFormatContext ic = input.context();
        for (int i = 0; i < ic.nb_streams(); i++) {
            AVStream in = ic.streams(i);
            int type = in.codecpar().codec_type();
            if (type != AVMEDIA_TYPE_AUDIO && type != AVMEDIA_TYPE_SUBTITLE) {
                in.discard(AVDISCARD_ALL);
                continue;
            }
            int codecId = in.codecpar().codec_id();
            String codecName = Ffmpeg.string(avcodec.avcodec_get_name(codecId));
            String kind = type == AVMEDIA_TYPE_AUDIO ? "audio" : "subtitle";
            boolean fits = avformat_query_codec(output.oformat(), codecId, avcodec.FF_COMPLIANCE_NORMAL) != 0;
            int textTarget = fits || type != AVMEDIA_TYPE_SUBTITLE || !SubtitleTranscoder.isText(codecId)
                    ? -1 : textSubtitleCodecFor(output);
            if (!fits && textTarget < 0) {
                warnings.add(kind + " stream " + i + " (" + codecName + ") cannot be stored in " + containerLabel
                        + " and was left out: write .mkv to keep it unchanged");
                in.discard(AVDISCARD_ALL);
                continue;
            }
            AVStream out = avformat_new_stream(output, null);
            if (textTarget >= 0) {
                SubtitleTranscoder t = out == null ? null : SubtitleTranscoder.open(in, out, textTarget);
                if (t == null) {
                    throw new ResourceException("cannot convert subtitle stream " + i + " (" + codecName + ")");
                }
                transcoders[i] = t;
                warnings.add("subtitle stream " + i + " (" + codecName + ") was converted to " + t.targetName()
                        + ", the text subtitle format " + containerLabel + " holds (text and timing kept);"
                        + " write .mkv to keep it unchanged");
                out.disposition(in.disposition());
                AVDictionary md = new AVDictionary(null);
                av_dict_copy(md, in.metadata(), 0);
                out.metadata(md);
                mapped[i] = out;
                offsets[i] = input.startOffset(in);
                copiedStreams++;
                continue;
            }
            if (out == null || avcodec_parameters_copy(out.codecpar(), in.codecpar()) < 0) {
                throw new ResourceException("cannot add the " + kind + " stream " + i + " to the output");
            }
            out.codecpar().codec_tag(0); // let the output container choose its own tag for the codec
            out.time_base(in.time_base());
            out.disposition(in.disposition());
            AVDictionary metadata = new AVDictionary(null);
            av_dict_copy(metadata, in.metadata(), 0);
            out.metadata(metadata);
            mapped[i] = out;
            offsets[i] = input.startOffset(in);
            copiedStreams++;
        }
    }

    int copiedStreams() {
        return copiedStreams;
    }

    /** Writes every copied packet whose decoding time is at or before {@code micros}. */
    void copyUntil(long micros) {
        while (true) {
            if (!pending && !readNext()) {
                return;
            }
            if (pendingMicros > micros) {
                return;
            }
            writePending();
        }
    }

    /** Writes all remaining copied packets. */
    void copyRest() {
        copyUntil(Long.MAX_VALUE);
    }

    private boolean readNext() {
        if (exhausted) {
            return false;
        }
        while (true) {
            int ret = av_read_frame(input.context(), packet);
            if (ret < 0) {
                exhausted = true;
                if (ret != AVERROR_EOF()) {
                    throw new ResourceException("reading the audio/subtitle streams of " + input.path()
                            + " failed (" + Ffmpeg.describe(ret) + "): the input is damaged");
                }
                return false;
            }
            int index = packet.stream_index();
            if (index < 0 || index >= mapped.length || mapped[index] == null) {
                av_packet_unref(packet);
                continue;
            }
            long ts = packet.dts() != AV_NOPTS_VALUE ? packet.dts() : packet.pts();
            AVStream in = input.context().streams(index);
            pendingMicros = ts == AV_NOPTS_VALUE ? Long.MIN_VALUE
                    : av_rescale_q(ts - offsets[index], in.time_base(), Ffmpeg.MICROS);
            pending = true;
            return true;
        }
    }

    private void writePending() {
        int index = packet.stream_index();
        AVStream in = input.context().streams(index);
        AVStream out = mapped[index];
        if (packet.pts() != AV_NOPTS_VALUE) {
            packet.pts(packet.pts() - offsets[index]);
        }
        if (packet.dts() != AV_NOPTS_VALUE) {
            packet.dts(packet.dts() - offsets[index]);
        }
        av_packet_rescale_ts(packet, in.time_base(), out.time_base());
        SubtitleTranscoder transcoder = transcoders[index];
        AVPacket toWrite = packet;
        if (transcoder != null) {
            toWrite = transcoder.convert(packet);
            av_packet_unref(packet);
            if (toWrite == null) {
                pending = false;
                return;
            }
        }
        toWrite.stream_index(out.index());
        toWrite.pos(-1);
        int ret = av_interleaved_write_frame(output, toWrite); // takes the packet's reference
        if (toWrite != packet) {
            av_packet_free(toWrite);
        }
        pending = false;
        if (ret < 0) {
            throw new ResourceException("copying stream " + index + " of " + input.path() + " failed ("
                    + Ffmpeg.describe(ret) + ")");
        }
    }

    @Override
    public void close() {
        if (pending) {
            av_packet_unref(packet);
            pending = false;
        }
        av_packet_free(packet);
        for (SubtitleTranscoder t : transcoders) {
            if (t != null) {
                t.close();
            }
        }
        input.close();
    }
}

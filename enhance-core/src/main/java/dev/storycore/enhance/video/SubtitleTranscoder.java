package dev.storycore.enhance.video;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_PROP_TEXT_SUB;
import static org.bytedeco.ffmpeg.global.avcodec.av_new_packet;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_decode_subtitle2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_descriptor_get;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_encode_subtitle;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_encoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_from_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avcodec.avsubtitle_free;
import static org.bytedeco.ffmpeg.global.avutil.av_mallocz;

import dev.storycore.enhance.errors.ResourceException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecDescriptor;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVSubtitle;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Converts one text subtitle stream (SubRip, ASS/SSA, WebVTT, ...) into the text format a container requires:
 * mov_text for MP4/MOV, WebVTT for WebM. The text and its timing are kept; only the encoding changes. Bitmap
 * subtitles (DVD, PGS) cannot be converted this way and are left out by the caller.
 */
final class SubtitleTranscoder implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final AVCodecContext decoder;
    private final AVCodecContext encoder;
    private final AVSubtitle subtitle = new AVSubtitle();
    private final IntPointer got = new IntPointer(1);
    private final BytePointer buffer = new BytePointer(BUFFER);
    private final String targetName;

    private SubtitleTranscoder(AVCodecContext decoder, AVCodecContext encoder, String targetName) {
        this.decoder = decoder;
        this.encoder = encoder;
        this.targetName = targetName;
    }

    static boolean isText(int codecId) {
        AVCodecDescriptor d = avcodec_descriptor_get(codecId);
        return d != null && (d.props() & AV_CODEC_PROP_TEXT_SUB) != 0;
    }

    /** Opens a decoder for {@code in} and an encoder for {@code targetCodecId}, and sets up {@code out}. */
    static SubtitleTranscoder open(AVStream in, AVStream out, int targetCodecId) {
        AVCodec dec = avcodec_find_decoder(in.codecpar().codec_id());
        AVCodec enc = avcodec_find_encoder(targetCodecId);
        if (dec == null || dec.isNull() || enc == null || enc.isNull()) {
            return null;
        }
        AVCodecContext d = avcodec_alloc_context3(dec);
        AVCodecContext e = avcodec_alloc_context3(enc);
        SubtitleTranscoder t = new SubtitleTranscoder(d, e, Ffmpeg.string(enc.name()));
        try {
            check(avcodec_parameters_to_context(d, in.codecpar()), "read the subtitle stream's parameters");
            d.pkt_timebase(in.time_base());
            check(avcodec_open2(d, dec, (AVDictionary) null), "open the subtitle decoder");
            e.time_base(in.time_base());
            int size = d.subtitle_header_size();
            if (size > 0 && d.subtitle_header() != null) {
                // The encoder takes ownership of its header and frees it with av_free.
                BytePointer header = new BytePointer(av_mallocz(size + 1)).capacity(size + 1);
                Pointer.memcpy(header, d.subtitle_header(), size);
                e.subtitle_header(header);
                e.subtitle_header_size(size);
            }
            check(avcodec_open2(e, enc, (AVDictionary) null), "open the " + t.targetName + " encoder");
            check(avcodec_parameters_from_context(out.codecpar(), e), "describe the converted subtitle stream");
            out.time_base(in.time_base());
            return t;
        } catch (RuntimeException ex) {
            t.close();
            throw ex;
        }
    }

    String targetName() {
        return targetName;
    }

    /**
     * Converts one input packet (timestamps already in the output stream's terms); returns the packet to write,
     * owned by the caller, or null when the packet holds no subtitle.
     */
    AVPacket convert(AVPacket in) {
        int ret = avcodec_decode_subtitle2(decoder, subtitle, got, in);
        if (ret < 0 || got.get() == 0) {
            return null;
        }
        try {
            int size = avcodec_encode_subtitle(encoder, buffer, BUFFER, subtitle);
            if (size <= 0) {
                return null;
            }
            AVPacket out = av_packet_alloc();
            if (av_new_packet(out, size) < 0) {
                av_packet_free(out);
                throw new ResourceException("out of memory while converting subtitles");
            }
            Pointer.memcpy(out.data(), buffer, size);
            out.pts(in.pts());
            out.dts(in.dts());
            out.duration(in.duration());
            return out;
        } finally {
            avsubtitle_free(subtitle);
        }
    }

    private static void check(int ret, String what) {
        if (ret < 0) {
            throw new ResourceException("cannot " + what + " (" + Ffmpeg.describe(ret) + ")");
        }
    }

    @Override
    public void close() {
        avcodec_free_context(decoder);
        avcodec_free_context(encoder);
        buffer.close();
        got.close();
        subtitle.close();
    }
}

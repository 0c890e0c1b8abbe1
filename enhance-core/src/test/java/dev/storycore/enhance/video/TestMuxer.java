package dev.storycore.enhance.video;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_rescale_ts;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_copy;
import static org.bytedeco.ffmpeg.global.avformat.AVIO_FLAG_WRITE;
import static org.bytedeco.ffmpeg.global.avformat.av_interleaved_write_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.av_write_trailer;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_output_context2;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_new_stream;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_write_header;
import static org.bytedeco.ffmpeg.global.avformat.avio_closep;
import static org.bytedeco.ffmpeg.global.avformat.avio_open;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.av_rescale_q;

import java.nio.ShortBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIOContext;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.javacv.FFmpegFrameRecorder;

/** Test-side media tools: a sine-tone audio file, a stream-copy muxer, and per-stream packet statistics. */
final class TestMuxer {
    private TestMuxer() {
    }

    /** Writes {@code seconds} of a 440 Hz tone (mono 48 kHz) with the given audio codec into {@code out}. */
    static void tone(Path out, String codec, double seconds) throws Exception {
        int rate = 48_000;
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(out.toString(), 1)) {
            rec.setAudioCodecName(codec);
            rec.setSampleRate(rate);
            rec.setAudioBitrate(96_000);
            rec.start();
            int total = (int) Math.round(seconds * rate);
            int chunk = 1024;
            for (int done = 0; done < total; done += chunk) {
                int n = Math.min(chunk, total - done);
                ShortBuffer buf = ShortBuffer.allocate(n);
                for (int i = 0; i < n; i++) {
                    buf.put(i, (short) (8000 * Math.sin(2 * Math.PI * 440 * (done + i) / rate)));
                }
                rec.recordSamples(rate, 1, buf);
            }
            rec.stop();
        }
    }

    /** Copies every stream of every input, in order, into one output (container by extension). */
    static void mux(Path out, Path... inputs) {
        mux(out, Double.NaN, inputs);
    }

    /** Like {@link #mux(Path, Path...)}, giving video streams a display matrix: av_display_rotation_set(clockwiseDegrees). */
    static void mux(Path out, double clockwiseDegrees, Path... inputs) {
        AVFormatContext oc = new AVFormatContext(null);
        check(avformat_alloc_output_context2(oc, null, (String) null, out.toString()));
        List<AVFormatContext> ins = new ArrayList<>();
        List<AVStream[]> maps = new ArrayList<>();
        for (Path p : inputs) {
            AVFormatContext ic = new AVFormatContext(null);
            check(avformat_open_input(ic, p.toString(), null, null));
            check(avformat_find_stream_info(ic, (AVDictionary) null));
            AVStream[] map = new AVStream[ic.nb_streams()];
            for (int i = 0; i < ic.nb_streams(); i++) {
                AVStream os = avformat_new_stream(oc, null);
                check(avcodec_parameters_copy(os.codecpar(), ic.streams(i).codecpar()));
                os.codecpar().codec_tag(0);
                os.time_base(ic.streams(i).time_base());
                if (!Double.isNaN(clockwiseDegrees)
                        && os.codecpar().codec_type() == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO) {
                    org.bytedeco.javacpp.PointerPointer<org.bytedeco.ffmpeg.avcodec.AVPacketSideData> list =
                            new org.bytedeco.javacpp.PointerPointer<>(1);
                    list.put(0, os.codecpar().coded_side_data());
                    org.bytedeco.javacpp.IntPointer nb = new org.bytedeco.javacpp.IntPointer(1).put(os.codecpar().nb_coded_side_data());
                    org.bytedeco.ffmpeg.avcodec.AVPacketSideData sd = org.bytedeco.ffmpeg.global.avcodec.av_packet_side_data_new(
                            list, nb, org.bytedeco.ffmpeg.global.avcodec.AV_PKT_DATA_DISPLAYMATRIX, 36, 0);
                    os.codecpar().coded_side_data(list.get(org.bytedeco.ffmpeg.avcodec.AVPacketSideData.class, 0));
                    os.codecpar().nb_coded_side_data(nb.get());
                    org.bytedeco.ffmpeg.global.avutil.av_display_rotation_set(
                            new org.bytedeco.javacpp.IntPointer(sd.data()), clockwiseDegrees);
                }
                map[i] = os;
            }
            ins.add(ic);
            maps.add(map);
        }
        AVIOContext pb = new AVIOContext(null);
        check(avio_open(pb, out.toString(), AVIO_FLAG_WRITE));
        oc.pb(pb);
        check(avformat_write_header(oc, (AVDictionary) null));
        AVPacket pkt = av_packet_alloc();
        for (int k = 0; k < ins.size(); k++) {
            AVFormatContext ic = ins.get(k);
            while (av_read_frame(ic, pkt) >= 0) {
                AVStream os = maps.get(k)[pkt.stream_index()];
                av_packet_rescale_ts(pkt, ic.streams(pkt.stream_index()).time_base(), os.time_base());
                pkt.stream_index(os.index());
                pkt.pos(-1);
                check(av_interleaved_write_frame(oc, pkt));
            }
        }
        check(av_write_trailer(oc));
        av_packet_free(pkt);
        avio_closep(oc.pb());
        oc.pb(null);
        avformat_free_context(oc);
        ins.forEach(ic -> avformat_close_input(ic));
    }

    /** Packets of one stream type: codec, count, SHA-256 of the payloads, first pts and end (pts + duration). */
    record StreamStats(String codec, int packets, String sha256, long firstMicros, long endMicros) {
        long durationMicros() {
            return endMicros - firstMicros;
        }
    }

    /** Statistics of the first stream of the given media type (AVMEDIA_TYPE_*), or null when there is none; empty subtitle samples are skipped. */
    static StreamStats stats(Path file, int mediaType) throws Exception {
        AVFormatContext ic = new AVFormatContext(null);
        check(avformat_open_input(ic, file.toString(), null, null));
        try {
            check(avformat_find_stream_info(ic, (AVDictionary) null));
            int index = -1;
            for (int i = 0; i < ic.nb_streams(); i++) {
                if (ic.streams(i).codecpar().codec_type() == mediaType) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                return null;
            }
            AVStream st = ic.streams(index);
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            AVPacket pkt = av_packet_alloc();
            int count = 0;
            long first = Long.MAX_VALUE;
            long end = Long.MIN_VALUE;
            while (av_read_frame(ic, pkt) >= 0) {
                // MP4 fills the gaps between mov_text subtitles with empty samples (2 bytes: a zero length).
                boolean emptyText = mediaType == org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE && pkt.size() <= 2;
                if (pkt.stream_index() == index && !emptyText) {
                    byte[] data = new byte[pkt.size()];
                    pkt.data().get(data);
                    sha.update(data);
                    count++;
                    if (pkt.pts() != AV_NOPTS_VALUE) {
                        first = Math.min(first, av_rescale_q(pkt.pts(), st.time_base(), Ffmpeg.MICROS));
                        end = Math.max(end, av_rescale_q(pkt.pts() + pkt.duration(), st.time_base(), Ffmpeg.MICROS));
                    }
                }
                av_packet_unref(pkt);
            }
            av_packet_free(pkt);
            String codec = Ffmpeg.string(org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name(st.codecpar().codec_id()));
            return new StreamStats(codec, count, HexFormat.of().formatHex(sha.digest()), first, end);
        } finally {
            avformat_close_input(ic);
        }
    }

    private static void check(int ret) {
        if (ret < 0) {
            throw new IllegalStateException("FFmpeg error " + Ffmpeg.describe(ret));
        }
    }
}

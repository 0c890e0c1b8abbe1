package dev.storycore.enhance.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_AUDIO;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_SUBTITLE;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassthroughTest {
    private static final String SRT = """
            1
            00:00:00,500 --> 00:00:01,500
            Hello from StoryCore

            2
            00:00:02,000 --> 00:00:02,800
            Second line
            """;

    @TempDir
    Path dir;

    /** Reads every frame, doubles its size (a stand-in for the upscaler), writes it with passthrough. */
    private MediaSink process(Path input, Path output) {
        MediaInfo info = MediaReader.probe(input);
        try (MediaSource source = MediaReader.open(input);
             MediaSink sink = MediaWriter.open(output, OutputOptions.defaults(), info)) {
            for (Frame next; (next = source.next()) != null; ) {
                try (Frame f = next; Mat big = new Mat()) {
                    opencv_imgproc.resize(f.image(), big, new Size(f.width() * 2, f.height() * 2));
                    try (Frame out = f.withImage(big.clone())) {
                        sink.write(out);
                    }
                }
            }
            sink.finish();
            return sink;
        }
    }

    private Path clipWith(String name, String audioCodec, String audioFile, boolean subtitles) throws Exception {
        Path video = dir.resolve("v-" + name + ".mkv");
        TestMedia.writeClip(video, OutputOptions.defaults(), 96, 64, 75, Rational.of(25, 1)); // 3 s
        Path audio = dir.resolve(audioFile);
        TestMuxer.tone(audio, audioCodec, 3.0);
        Path input = dir.resolve(name);
        if (subtitles) {
            Path srt = Files.writeString(dir.resolve("subs.srt"), SRT);
            TestMuxer.mux(input, video, audio, srt);
        } else {
            TestMuxer.mux(input, video, audio);
        }
        return input;
    }

    @Test
    void aacAudioIsCopiedUnchangedAndInSyncIntoMp4() throws Exception {
        Path input = clipWith("in.mkv", "aac", "tone.m4a", false);
        MediaInfo info = MediaReader.probe(input);
        assertThat(info.audio()).extracting(TrackInfo::codec).containsExactly("aac");

        Path output = dir.resolve("out.mp4");
        MediaSink sink = process(input, output);
        assertThat(sink.warnings()).isEmpty();

        TestMuxer.StreamStats in = TestMuxer.stats(input, AVMEDIA_TYPE_AUDIO);
        TestMuxer.StreamStats out = TestMuxer.stats(output, AVMEDIA_TYPE_AUDIO);
        assertThat(out.codec()).isEqualTo(in.codec());
        assertThat(out.packets()).isEqualTo(in.packets());
        assertThat(out.sha256()).as("audio payload bytes unchanged").isEqualTo(in.sha256());
        long audioFrameMicros = 1024 * 1_000_000L / 48_000;
        assertThat(Math.abs(out.durationMicros() - in.durationMicros())).isLessThanOrEqualTo(audioFrameMicros);
        // Sync: audio starts at the same offset from the first picture as in the input.
        long inOffset = in.firstMicros() - TestMuxer.stats(input, AVMEDIA_TYPE_VIDEO).firstMicros();
        long outOffset = out.firstMicros() - TestMuxer.stats(output, AVMEDIA_TYPE_VIDEO).firstMicros();
        assertThat(Math.abs(outOffset - inOffset)).isLessThanOrEqualTo(audioFrameMicros);
        assertThat(MediaReader.probe(output).video().width()).isEqualTo(192);
    }

    @Test
    void subtitlesAndPcmAudioAreCopiedIntoMkv() throws Exception {
        Path input = clipWith("in.mkv", "pcm_s16le", "tone.wav", true);
        MediaInfo info = MediaReader.probe(input);
        assertThat(info.audio()).extracting(TrackInfo::codec).containsExactly("pcm_s16le");
        assertThat(info.subtitles()).extracting(TrackInfo::codec).containsExactly("subrip");

        Path output = dir.resolve("out.mkv");
        MediaSink sink = process(input, output);
        assertThat(sink.warnings()).isEmpty();
        for (int type : new int[] {AVMEDIA_TYPE_AUDIO, AVMEDIA_TYPE_SUBTITLE}) {
            TestMuxer.StreamStats in = TestMuxer.stats(input, type);
            TestMuxer.StreamStats out = TestMuxer.stats(output, type);
            assertThat(out.codec()).isEqualTo(in.codec());
            assertThat(out.sha256()).isEqualTo(in.sha256());
            assertThat(out.firstMicros()).isEqualTo(in.firstMicros());
            assertThat(out.endMicros()).isEqualTo(in.endMicros());
        }
    }

    @Test
    void textSubtitlesBecomeMovTextInMp4WithTheirTiming() throws Exception {
        Path input = clipWith("in.mkv", "aac", "tone.m4a", true);
        Path output = dir.resolve("out.mp4");
        MediaSink sink = process(input, output);
        assertThat(sink.warnings()).singleElement().asString().contains("subtitle stream").contains("subrip")
                .contains("converted to mov_text").contains("write .mkv");
        TestMuxer.StreamStats in = TestMuxer.stats(input, AVMEDIA_TYPE_SUBTITLE);
        TestMuxer.StreamStats out = TestMuxer.stats(output, AVMEDIA_TYPE_SUBTITLE);
        assertThat(out.codec()).isEqualTo("mov_text");
        assertThat(out.packets()).isEqualTo(in.packets());
        assertThat(out.firstMicros()).isEqualTo(in.firstMicros());
        assertThat(out.endMicros()).isEqualTo(in.endMicros());
        assertThat(MediaReader.probe(output).subtitles()).extracting(TrackInfo::codec).containsExactly("mov_text");
        assertThat(TestMuxer.stats(output, AVMEDIA_TYPE_AUDIO).sha256())
                .isEqualTo(TestMuxer.stats(input, AVMEDIA_TYPE_AUDIO).sha256());
    }

    @Test
    void audioTheContainerCannotHoldIsReportedNotSilentlyLost() throws Exception {
        Path input = clipWith("in.mkv", "aac", "tone.m4a", false);
        Path output = dir.resolve("out.webm");
        MediaSink sink = process(input, output);
        assertThat(sink.warnings()).singleElement().asString().contains("audio stream").contains("aac")
                .contains(".webm").contains("was left out").contains("write .mkv");
        assertThat(TestMuxer.stats(output, AVMEDIA_TYPE_AUDIO)).isNull();
    }
}

package dev.storycore.enhance.bench.io;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.frame.Rational;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaSink;
import dev.storycore.enhance.video.MediaSource;
import dev.storycore.enhance.video.MediaWriter;
import dev.storycore.enhance.video.OutputOptions;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Makes the bundled sample clip: a stretch of a video, scaled down with area averaging, as H.264 MP4.
 *
 * <pre>java -cp enhance-cli/target/storycore.jar dev.storycore.enhance.bench.io.SampleClip \
 *     ../shared/data/video/vtest.avi samples/vtest-384x288.mp4 30 4 384 288</pre>
 * (arguments: input, output, start second, seconds, width, height; timestamps restart at 0).
 */
public final class SampleClip {
    private SampleClip() {
    }

    public static void main(String[] args) {
        if (args.length != 6) {
            System.err.println("usage: SampleClip INPUT OUTPUT START_SECONDS SECONDS WIDTH HEIGHT");
            System.exit(2);
        }
        Path input = Path.of(args[0]);
        Path output = Path.of(args[1]);
        long startMicros = Math.round(Double.parseDouble(args[2]) * 1e6);
        long endMicros = startMicros + Math.round(Double.parseDouble(args[3]) * 1e6);
        int width = Integer.parseInt(args[4]);
        int height = Integer.parseInt(args[5]);
        long written = 0;
        try (MediaSource source = MediaReader.open(input)) {
            Rational rate = source.info().frameRate();
            // 0.6 bits per pixel: the sample is an input to enhancement, so it should carry few coding artefacts.
            long bitRate = Math.round(width * height * rate.toDouble() * 0.6);
            try (MediaSink sink = MediaWriter.open(output, OutputOptions.defaults().withFrameRate(rate)
                    .withBitRate(bitRate))) {
                for (Frame next; (next = source.next()) != null; ) {
                    try (Frame f = next) {
                        if (f.timestampMicros() < startMicros) {
                            continue;
                        }
                        if (f.timestampMicros() >= endMicros) {
                            break;
                        }
                        try (Mat small = new Mat(); Size size = new Size(width, height)) {
                            resize(f.image(), small, size, 0, 0, INTER_AREA);
                            try (Frame out = new Frame(small.clone(), written, f.timestampMicros() - startMicros)) {
                                sink.write(out);
                            }
                        }
                        written++;
                    }
                }
                sink.finish();
            }
        }
        System.out.println("wrote " + written + " frames to " + output);
    }
}

package dev.storycore.enhance.bench.io;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.video.Images;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaSource;
import java.nio.file.Path;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Makes the bundled sample image: a rectangle cut from one frame of a video, saved losslessly as PNG.
 *
 * <pre>java -cp enhance-cli/target/storycore.jar dev.storycore.enhance.bench.io.SampleCrop \
 *     samples/vtest-384x288.mp4 samples/vtest-crop-192x144.png 20 80 40 192 144</pre>
 * (arguments: input, output, frame index, x, y, width, height).
 */
public final class SampleCrop {
    private SampleCrop() {
    }

    public static void main(String[] args) {
        if (args.length != 7) {
            System.err.println("usage: SampleCrop INPUT OUTPUT.png FRAME X Y WIDTH HEIGHT");
            System.exit(2);
        }
        long wanted = Long.parseLong(args[2]);
        try (MediaSource source = MediaReader.open(Path.of(args[0]))) {
            for (Frame next; (next = source.next()) != null; ) {
                try (Frame f = next) {
                    if (f.index() == wanted) {
                        try (Rect r = new Rect(Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                                Integer.parseInt(args[5]), Integer.parseInt(args[6]));
                             Mat roi = new Mat(f.image(), r);
                             Frame crop = Frame.of(roi.clone())) {
                            Images.write(Path.of(args[1]), crop);
                        }
                        System.out.println("wrote " + args[1]);
                        return;
                    }
                }
            }
        }
        System.err.println("the input has no frame " + wanted);
        System.exit(3);
    }
}

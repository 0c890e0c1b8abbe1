package dev.storycore.enhance.video;

import dev.storycore.enhance.frame.Frame;
import java.nio.file.Path;

/** Test helper process: starts writing a video, says so, then waits to be killed. */
public final class KilledWriterMain {
    private KilledWriterMain() {
    }

    public static void main(String[] args) throws Exception {
        MediaSink sink = MediaWriter.open(Path.of(args[0]), OutputOptions.defaults());
        for (int i = 0; i < 5; i++) {
            try (Frame f = new Frame(TestMedia.picture(64, 48, 3, i), i, i * 40_000L)) {
                sink.write(f);
            }
        }
        System.out.println("writing");
        System.out.flush();
        Thread.sleep(60_000);
    }
}

package dev.storycore.enhance.video;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.frame.Frame;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes frames as image files: one image (a plain file name) or a numbered sequence (a {@code %05d} pattern,
 * numbered from 1 in writing order as FFmpeg does). Sequences go into a hidden temporary folder and move
 * into place on {@link #finish()}.
 */
final class ImageFilesSink implements MediaSink {
    private final Path output;
    private final boolean sequence;
    private final String extension;
    private final int quality;
    private final TempOutput temp;
    private final List<Path> written = new ArrayList<>();
    private final String pattern;
    private boolean finished;
    private boolean closed;

    ImageFilesSink(Path output, OutputOptions options) {
        this.output = output;
        this.sequence = ImageSequence.isPattern(output);
        this.extension = ImageHeaders.extension(output);
        if (!ImageHeaders.IMAGE_EXTENSIONS.contains(extension)) {
            throw new InvalidInputException("cannot write images named " + output + ": unknown image extension '"
                    + extension + "'; use .png, .jpg, .webp, .tif or .bmp");
        }
        this.quality = options.imageQuality() != null ? options.imageQuality() : Images.DEFAULT_JPEG_QUALITY;
        this.pattern = output.getFileName().toString();
        this.temp = sequence ? TempOutput.folderIn(output.toAbsolutePath().getParent()) : TempOutput.fileFor(output);
    }

    @Override
    public Path output() {
        return output;
    }

    @Override
    public String encoder() {
        return extension;
    }

    @Override
    public long framesWritten() {
        return written.size();
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public void write(Frame frame) {
        if (finished || closed) {
            throw new IllegalStateException("the sink for " + output + " is already " + (closed ? "closed" : "finished"));
        }
        if (!sequence && !written.isEmpty()) {
            throw new InvalidInputException(output + " names one image, but more than one frame was written: use a"
                    + " numbered pattern such as frames/%05d.png, or a video file");
        }
        Path file = sequence ? temp.temp().resolve(String.format(pattern, written.size() + 1)) : temp.temp();
        Images.writeTo(file, extension, frame.image(), quality);
        written.add(file);
    }

    @Override
    public void finish() {
        if (closed || finished) {
            throw new IllegalStateException("the sink for " + output + " is already " + (closed ? "closed" : "finished"));
        }
        if (written.isEmpty()) {
            throw new IllegalStateException("no frame was written to " + output);
        }
        if (sequence) {
            for (Path p : written) {
                temp.commitChild(p);
            }
            temp.markCommitted();
        } else {
            temp.commit();
        }
        finished = true;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (sequence || !finished) {
                temp.discard(); // for a sequence: removes the (by now empty) temporary folder
            }
        }
    }
}

package dev.storycore.enhance.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** Default output names: beside the input, tagged with what was done ("clip.x2.mp4", "photos.x4/"). */
final class OutputNames {
    private OutputNames() {
    }

    /**
     * @param input the input file or folder
     * @param tag   what was done, e.g. "x2" or "1920x1080"
     * @param video whether the input is a video (the output is then an MP4 whatever the input container)
     */
    static Path defaultFor(Path input, String tag, boolean video) {
        Path abs = input.toAbsolutePath().normalize();
        Path dir = abs.getParent() == null ? abs : abs.getParent();
        String name = abs.getFileName() == null ? "output" : abs.getFileName().toString();
        if (Files.isDirectory(abs)) {
            return dir.resolve(name + "." + tag);
        }
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot + 1) : "";
        if (video || ext.isEmpty()) {
            ext = "mp4";
        }
        return dir.resolve(stem + "." + tag + "." + ext.toLowerCase(Locale.ROOT));
    }
}

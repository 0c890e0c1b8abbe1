package dev.storycore.enhance.video;

import dev.storycore.enhance.errors.InvalidInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Finds the files of an image sequence: a folder's images in name order, or a printf-style numbered pattern. */
final class ImageSequence {
    private static final Pattern NUMBER = Pattern.compile("%(0?)(\\d*)d");

    private ImageSequence() {
    }

    /** Whether a path is a numbered pattern such as {@code frames/%05d.png}. */
    static boolean isPattern(Path path) {
        Path name = path.getFileName();
        return name != null && NUMBER.matcher(name.toString()).find();
    }

    /** The image files of a folder (hidden files skipped), sorted by file name. */
    static List<Path> folder(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException(folder + " is not a folder: pass a folder of images or a file");
        }
        List<Path> images;
        try (Stream<Path> list = Files.list(folder)) {
            images = list.filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile)
                    .filter(ImageHeaders::isImageName)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (NotDirectoryException e) {
            throw new InvalidInputException(folder + " is not a folder: pass a folder of images or a file", e);
        } catch (IOException e) {
            throw InputChecks.unreadable(folder, e);
        }
        if (images.isEmpty()) {
            throw new InvalidInputException("the folder " + folder + " has no images (.png, .jpg, .jpeg, .webp,"
                    + " .tif, .tiff, .bmp): put the pictures there, or pass a video file");
        }
        return images;
    }

    /** The files matching a numbered pattern, in numeric order. */
    static List<Path> pattern(Path pattern) {
        Path folder = pattern.toAbsolutePath().getParent();
        String name = pattern.getFileName().toString();
        Matcher m = NUMBER.matcher(name);
        m.find();
        String width = m.group(2);
        String digits = width.isEmpty() ? "\\d+" : "\\d{" + width + ",}";
        Pattern regex = Pattern.compile(Pattern.quote(name.substring(0, m.start())) + "(" + digits + ")"
                + Pattern.quote(name.substring(m.end()).replace("%%", "%")));
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("the folder of the image sequence " + pattern + " does not exist:"
                    + " check the path");
        }
        List<Path> files = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.forEach(p -> {
                Matcher fm = regex.matcher(p.getFileName().toString());
                if (fm.matches() && Files.isRegularFile(p)) {
                    files.add(p);
                    numbers.add(Long.parseLong(fm.group(1)));
                }
            });
        } catch (IOException e) {
            throw InputChecks.unreadable(folder, e);
        }
        if (files.isEmpty()) {
            throw new InvalidInputException("no file matches the image sequence " + pattern + ": check the"
                    + " pattern (e.g. frames/%05d.png for frames/00001.png)");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(numbers::get));
        return order.stream().map(files::get).toList();
    }
}

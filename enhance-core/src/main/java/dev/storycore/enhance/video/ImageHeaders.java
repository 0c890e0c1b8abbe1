package dev.storycore.enhance.video;

import dev.storycore.enhance.errors.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * Reads the picture size from an image file's header without decoding pixels, so that a file claiming an
 * absurd size is refused before any memory is allocated for it. The JDK's image readers do this for PNG,
 * JPEG, TIFF, BMP and GIF; WebP (which the JDK cannot read) is parsed here from its RIFF chunk header.
 */
final class ImageHeaders {
    static final Set<String> IMAGE_EXTENSIONS = Set.of("png", "jpg", "jpeg", "webp", "tif", "tiff", "bmp");

    private ImageHeaders() {
    }

    record Dimensions(long width, long height) {
    }

    static boolean isImageName(Path path) {
        return IMAGE_EXTENSIONS.contains(extension(path));
    }

    static String extension(Path path) {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The size the header declares; a file whose header cannot be parsed is not a valid image. */
    static Dimensions read(Path path) {
        try {
            Dimensions d = isWebp(path) ? readWebp(path) : readWithImageIo(path);
            if (d == null) {
                throw notAnImage(path, null);
            }
            return d;
        } catch (IOException | RuntimeException e) {
            if (e instanceof InvalidInputException iie) {
                throw iie;
            }
            throw notAnImage(path, e);
        }
    }

    private static InvalidInputException notAnImage(Path path, Exception cause) {
        return new InvalidInputException(path + " is not a valid " + extension(path).toUpperCase(Locale.ROOT)
                + " image (its header cannot be read): the file is damaged or misnamed; re-export it", cause);
    }

    private static Dimensions readWithImageIo(Path path) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(path.toFile())) {
            if (in == null) {
                return null;
            }
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                return null;
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(in, true, true);
                return new Dimensions(reader.getWidth(0), reader.getHeight(0));
            } finally {
                reader.dispose();
            }
        }
    }

    private static boolean isWebp(Path path) throws IOException {
        byte[] head = readHead(path, 12);
        return head.length == 12 && ascii(head, 0, 4).equals("RIFF") && ascii(head, 8, 4).equals("WEBP");
    }

    /** WebP: the first chunk is VP8 (lossy), VP8L (lossless) or VP8X (extended, with the canvas size). */
    private static Dimensions readWebp(Path path) throws IOException {
        byte[] h = readHead(path, 30);
        if (h.length < 30) {
            return null;
        }
        String chunk = ascii(h, 12, 4);
        switch (chunk) {
            case "VP8X": // 24-bit little-endian canvas width-1 and height-1
                return new Dimensions(1 + u24(h, 24), 1 + u24(h, 27));
            case "VP8L": { // signature 0x2f, then 14 bits width-1, 14 bits height-1
                if ((h[20] & 0xff) != 0x2f) {
                    return null;
                }
                long bits = (h[21] & 0xffL) | (h[22] & 0xffL) << 8 | (h[23] & 0xffL) << 16 | (h[24] & 0xffL) << 24;
                return new Dimensions(1 + (bits & 0x3fff), 1 + ((bits >> 14) & 0x3fff));
            }
            case "VP8 ": { // frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height
                if ((h[23] & 0xff) != 0x9d || (h[24] & 0xff) != 0x01 || (h[25] & 0xff) != 0x2a) {
                    return null;
                }
                return new Dimensions(u16(h, 26) & 0x3fff, u16(h, 28) & 0x3fff);
            }
            default:
                return null;
        }
    }

    private static byte[] readHead(Path path, int n) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(n);
        }
    }

    private static String ascii(byte[] b, int off, int len) {
        return new String(b, off, len, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static long u24(byte[] b, int off) {
        return (b[off] & 0xffL) | (b[off + 1] & 0xffL) << 8 | (b[off + 2] & 0xffL) << 16;
    }

    private static int u16(byte[] b, int off) {
        return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
    }
}

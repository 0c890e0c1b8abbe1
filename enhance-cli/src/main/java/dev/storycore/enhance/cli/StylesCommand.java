package dev.storycore.enhance.cli;

import dev.storycore.enhance.errors.InvalidInputException;
import dev.storycore.enhance.ops.style.ContactSheet;
import dev.storycore.enhance.ops.style.ParamSpec;
import dev.storycore.enhance.ops.style.StyleParams;
import dev.storycore.enhance.ops.style.StyleReference;
import dev.storycore.enhance.ops.style.StyleSpec;
import dev.storycore.enhance.ops.style.Styles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bytedeco.opencv.global.opencv_imgcodecs;
import org.bytedeco.opencv.opencv_core.Mat;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code storycore styles}: lists the styles and their parameters, or renders a contact sheet. */
@Command(name = "styles",
        mixinStandardHelpOptions = true,
        header = "List the artistic styles with their parameters, or show one picture in all of them.",
        description = {
            "Examples:",
            "  storycore styles",
            "  storycore styles --contact-sheet photo.png -o sheet.png",
            ""
        },
        footer = ExitCodes.FOOTER,
        sortOptions = false)
final class StylesCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--contact-sheet", paramLabel = "IMAGE", description = "Render this picture in all ten styles.")
    Path picture;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where the contact sheet goes (PNG or JPEG).")
    Path output;

    @Option(names = "--tile", paramLabel = "WIDTH", defaultValue = "360", description = "Tile width (default: ${DEFAULT-VALUE}).")
    int tile;

    @Option(names = "--style-image", paramLabel = "FILE", description = "A painting whose palette every style takes.")
    Path styleImage;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (picture == null) {
            list(out);
            return ExitCodes.OK;
        }
        if (output == null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--contact-sheet needs -o FILE for the sheet");
        }
        if (tile < 64 || tile > 2000) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--tile must be from 64 to 2000, got " + tile);
        }
        if (!Files.isRegularFile(picture)) {
            throw new InvalidInputException("no such picture: " + picture);
        }
        StyleReference reference = styleImage == null ? null : StyleReference.load(styleImage);
        try (Mat img = opencv_imgcodecs.imread(picture.toString(), opencv_imgcodecs.IMREAD_COLOR)) {
            if (img == null || img.empty()) {
                throw new InvalidInputException(picture + " is not a readable picture: pass a PNG or JPEG");
            }
            try (Mat sheet = ContactSheet.render(img, tile, StyleParams.defaults(), reference)) {
                if (!opencv_imgcodecs.imwrite(output.toString(), sheet)) {
                    throw new InvalidInputException("cannot write " + output + ": use a .png or .jpg name in a writable folder");
                }
            }
        }
        out.println("wrote " + output);
        out.flush();
        return ExitCodes.OK;
    }

    private static void list(PrintWriter out) {
        out.println("Every style also takes: strength (0..1), preserve_colors, preserve_structure (0..1), seed;");
        out.println("give style parameters with --style-param NAME=VALUE.");
        for (StyleSpec s : Styles.specs()) {
            out.println();
            out.printf("%s  %s%n", s.style().id(), s.summary());
            out.printf("  algorithm: %s%n", s.algorithm());
            out.printf("  after:     %s%n", s.citation());
            for (ParamSpec p : s.controls()) {
                out.printf("  %-16s %-7s default %-5s %s (%s)%n", p.name(), p.kind().name().toLowerCase(java.util.Locale.ROOT),
                        p.defaultText(), p.description(), p.rangeText());
            }
        }
        out.flush();
    }
}

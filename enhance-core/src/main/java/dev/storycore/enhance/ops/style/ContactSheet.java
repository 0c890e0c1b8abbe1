package dev.storycore.enhance.ops.style;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.getTextSize;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.ops.FrameOperation;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * One picture in every style, side by side with the original, each tile labelled with the style's name;
 * with a reference painting, a last tile shows impressionist strokes in the painting's palette.
 */
public final class ContactSheet {
    private static final int COLUMNS = 4;
    private static final int LABEL = 30;

    private ContactSheet() {
    }

    /**
     * @param picture   8-bit BGR (or grey/BGRA) picture
     * @param tileWidth width of each tile in pixels
     * @param reference a reference painting for the extra "impressionist + style image" tile, or null
     * @return a new 8-bit BGR picture, owned by the caller
     */
    public static Mat render(Mat picture, int tileWidth, StyleParams params, StyleReference reference) {
        try (Mat bgr = FrameFormat.toBgr8(picture); Mat tile = new Mat()) {
            int tw = tileWidth;
            int th = Math.max(1, (int) Math.round(bgr.rows() * (double) tw / bgr.cols()));
            resize(bgr, tile, new Size(tw, th), 0, 0, INTER_AREA);
            List<String> names = new ArrayList<>();
            List<Mat> tiles = new ArrayList<>();
            names.add("original");
            tiles.add(tile.clone());
            for (Style s : Style.values()) {
                names.add(s.id());
                tiles.add(styled(tile, s, params, null));
            }
            if (reference != null) {
                names.add("impressionist + style image");
                tiles.add(styled(tile, Style.IMPRESSIONIST, params, reference));
            }
            int rows = (tiles.size() + COLUMNS - 1) / COLUMNS;
            Mat sheet = new Mat(rows * (th + LABEL), COLUMNS * tw, CV_8UC3, new Scalar(245, 245, 245, 0));
            for (int i = 0; i < tiles.size(); i++) {
                int x = (i % COLUMNS) * tw;
                int y = (i / COLUMNS) * (th + LABEL);
                try (Rect r = new Rect(x, y, tw, th); Mat dst = sheet.apply(r); Mat t = tiles.get(i)) {
                    t.copyTo(dst);
                }
                label(sheet, names.get(i), x, y + th, tw);
            }
            return sheet;
        }
    }

    private static Mat styled(Mat tile, Style s, StyleParams params, StyleReference reference) {
        try (FrameOperation op = Styles.operation(s, params, reference); Frame in = Frame.of(tile.clone());
             Frame out = op.apply(in)) {
            return out.image().clone();
        }
    }

    private static void label(Mat sheet, String text, int x, int y, int width) {
        double scale = 0.6;
        int[] base = new int[1];
        try (Size size = getTextSize(text, FONT_HERSHEY_SIMPLEX, scale, 1, base);
             Point at = new Point(x + (width - size.width()) / 2, y + LABEL / 2 + size.height() / 2);
             Scalar ink = new Scalar(40, 40, 40, 0)) {
            putText(sheet, text, at, FONT_HERSHEY_SIMPLEX, scale, ink, 1, LINE_AA, false);
        }
    }
}

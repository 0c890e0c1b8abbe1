package dev.storycore.enhance.ops.style;

import dev.storycore.enhance.frame.Frame;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;

/** Small synthetic pictures with edges, gradients, texture and colour, for fast style tests. */
final class StylePictures {
    private StylePictures() {
    }

    /** A landscape-like picture: sky gradient, a sun disc, hills, a textured field. */
    static byte[] scene(int w, int h, int objectX, int objectY, long noiseSeed, double noise) {
        byte[] px = new byte[w * h * 3];
        SplittableRandom rnd = new SplittableRandom(noiseSeed);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double b;
                double g;
                double r;
                double hill = h * 0.55 + Math.sin(x * 0.09) * h * 0.08;
                if (y < hill) {
                    double t = y / hill;
                    b = 230 - 60 * t;
                    g = 170 - 30 * t;
                    r = 90 + 40 * t;
                } else {
                    double tex = 25 * Math.sin(x * 0.7) * Math.cos(y * 0.5);
                    b = 40 + tex * 0.3;
                    g = 140 + tex;
                    r = 70 + tex * 0.5;
                }
                double dx = x - w * 0.75;
                double dy = y - h * 0.22;
                if (dx * dx + dy * dy < (h * 0.1) * (h * 0.1)) {
                    b = 60;
                    g = 210;
                    r = 250;
                }
                // The moving object: a red square with a dark border.
                int s = Math.max(6, h / 5);
                if (x >= objectX && x < objectX + s && y >= objectY && y < objectY + s) {
                    boolean border = x < objectX + 2 || y < objectY + 2 || x >= objectX + s - 2 || y >= objectY + s - 2;
                    b = border ? 20 : 40;
                    g = border ? 20 : 30;
                    r = border ? 30 : 220;
                }
                int i = 3 * (y * w + x);
                px[i] = Pixels.clampByte(b + noise * rnd.nextGaussian());
                px[i + 1] = Pixels.clampByte(g + noise * rnd.nextGaussian());
                px[i + 2] = Pixels.clampByte(r + noise * rnd.nextGaussian());
            }
        }
        return px;
    }

    static Frame frame(int w, int h) {
        return Frame.of(Pixels.mat(scene(w, h, w / 6, h / 2, 7, 0), h, w, 3));
    }

    static Mat mat(int w, int h) {
        return Pixels.mat(scene(w, h, w / 6, h / 2, 7, 0), h, w, 3);
    }

    static double meanAbsDiff(Mat a, Mat b) {
        byte[] x = Pixels.bytes(a);
        byte[] y = Pixels.bytes(b);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            sum += Math.abs(Pixels.u(x[i]) - Pixels.u(y[i]));
        }
        return sum / x.length;
    }
}

package dev.storycore.enhance.bench.interpolate;

import dev.storycore.enhance.frame.Frame;
import dev.storycore.enhance.measure.ImageQuality;
import dev.storycore.enhance.model.ModelLoader;
import dev.storycore.enhance.ops.interpolate.InterpolationPair;
import dev.storycore.enhance.ops.interpolate.InterpolationSettings;
import dev.storycore.enhance.ops.interpolate.Interpolator;
import dev.storycore.enhance.ops.upscale.Quality;
import dev.storycore.enhance.ops.upscale.SuperResolution;
import dev.storycore.enhance.ops.upscale.UpscaleConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.opencv.global.opencv_imgproc;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Which order serves {@code enhance --interpolate 2 --upscale 2} better. The clip is shrunk to half size
 * (area averaging); its even frames are the input. Order "interpolate first": the in-between frame is made at
 * the small size and then super-resolved. Order "upscale first": both frames are super-resolved and the
 * in-between frame is made at full size. Both are scored (Y-PSNR, Y-SSIM) against the real odd frame; the
 * cost is the seconds of work per input frame at a doubled rate (two output frames: in the first order two
 * super-resolutions and one small interpolation, in the second one super-resolution and one large one).
 */
final class UpscaleOrderCheck {
    record Result(String upscaler, double psnrInterpolateFirst, double ssimInterpolateFirst, double secondsInterpolateFirst,
                  double psnrUpscaleFirst, double ssimUpscaleFirst, double secondsUpscaleFirst, int pairs) {
        String table() {
            return String.format(Locale.ROOT, "order check (x2 rate, x2 %s, %d pairs, frames shrunk to half size):%n"
                    + "  interpolate first: Y-PSNR %.3f  Y-SSIM %.4f  %.4f s per input frame%n"
                    + "  upscale first:     Y-PSNR %.3f  Y-SSIM %.4f  %.4f s per input frame%n", upscaler, pairs,
                    psnrInterpolateFirst, ssimInterpolateFirst, secondsInterpolateFirst, psnrUpscaleFirst,
                    ssimUpscaleFirst, secondsUpscaleFirst);
        }
    }

    static Result run(List<Mat> clip, int pairs, Quality quality, ModelLoader models) {
        List<Mat> small = new ArrayList<>();
        for (int i = 0; i <= 2 * pairs; i += 2) {
            Mat s = new Mat();
            opencv_imgproc.resize(clip.get(i), s, new Size(clip.get(i).cols() / 2, clip.get(i).rows() / 2), 0, 0,
                    opencv_imgproc.INTER_AREA);
            small.add(s);
        }
        UpscaleConfig config = UpscaleConfig.builder().quality(quality).scale(2).allowClassicalFallback(true).build();
        try (SuperResolution sr = SuperResolution.create(config, models);
             Interpolator interpolator = Interpolator.classical(InterpolationSettings.defaults())) {
            sr.prepare(new dev.storycore.enhance.ops.Size(small.get(0).cols(), small.get(0).rows()));
            String upscaler = sr.lastReport().map(r -> r.describe()).orElse(quality.name());
            try (Mat warm = upscale(sr, small.get(0))) {
                warm.cols();
            }
            double[] a = new double[3];
            double[] b = new double[3];
            Mat previousBig = upscale(sr, small.get(0));
            for (int j = 0; j < pairs; j++) {
                Mat truth = clip.get(2 * j + 1);
                long t0 = System.nanoTime();
                try (Mat nextBig = upscale(sr, small.get(j + 1))) {
                    long upscaleOne = System.nanoTime() - t0;
                    long t1 = System.nanoTime();
                    try (Mat mid = interpolator.interpolate(small.get(j), small.get(j + 1), 0.5);
                         Mat big = upscale(sr, mid)) {
                        long interpolateFirst = upscaleOne + (System.nanoTime() - t1);
                        add(a, ImageQuality.scoreY(truth, big, 0), interpolateFirst);
                    }
                    long t2 = System.nanoTime();
                    try (InterpolationPair pair = interpolator.prepare(previousBig, nextBig); Mat mid = pair.at(0.5)) {
                        long upscaleFirst = upscaleOne + (System.nanoTime() - t2);
                        add(b, ImageQuality.scoreY(truth, mid, 0), upscaleFirst);
                    }
                    previousBig.close();
                    previousBig = nextBig.clone();
                }
            }
            previousBig.close();
            return new Result(upscaler, a[0] / pairs, a[1] / pairs, a[2] / pairs, b[0] / pairs, b[1] / pairs,
                    b[2] / pairs, pairs);
        } finally {
            small.forEach(Mat::close);
        }
    }

    private static void add(double[] sums, ImageQuality.Score s, long nanos) {
        sums[0] += s.psnr();
        sums[1] += s.ssim();
        sums[2] += nanos / 1e9;
    }

    private static Mat upscale(SuperResolution sr, Mat picture) {
        try (Frame in = Frame.of(picture.clone()); Frame out = sr.apply(in)) {
            return out.image().clone();
        }
    }
}

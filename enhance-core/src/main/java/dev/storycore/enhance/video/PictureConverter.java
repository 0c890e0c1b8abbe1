package dev.storycore.enhance.video;

import static org.bytedeco.ffmpeg.global.avutil.AVCOL_RANGE_JPEG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_CL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT2020_NCL;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT470BG;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_BT709;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_FCC;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE170M;
import static org.bytedeco.ffmpeg.global.avutil.AVCOL_SPC_SMPTE240M;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR48LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGRA64LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_RGB;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_FLAG_PAL;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY16LE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_GRAY8;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ420P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ422P;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUVJ444P;
import static org.bytedeco.ffmpeg.global.avutil.av_pix_fmt_desc_get;
import static org.bytedeco.ffmpeg.global.swscale.SWS_ACCURATE_RND;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BICUBIC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_BT2020;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_DEFAULT;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_FCC;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU601;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_ITU709;
import static org.bytedeco.ffmpeg.global.swscale.SWS_CS_SMPTE240M;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCoefficients;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.ffmpeg.global.swscale.sws_setColorspaceDetails;
import static org.bytedeco.opencv.global.opencv_core.CV_16U;
import static org.bytedeco.opencv.global.opencv_core.CV_16UC;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC;

import dev.storycore.enhance.errors.ResourceException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Converts between FFmpeg pictures and OpenCV Mats with libswscale, honouring the YUV matrix (BT.601, BT.709,
 * BT.2020) and range the stream declares. Encoded output is always tagged and converted as BT.709 limited
 * range, so what this project writes it reads back with the same colours. One instance per stream; not
 * thread-safe.
 */
final class PictureConverter implements AutoCloseable {
    /*
     * Bicubic chroma interpolation with accurate rounding. swscale's fast SIMD path (no SWS_ACCURATE_RND) is 2-3x
     * quicker but costs about 2 dB PSNR on a YUV 4:2:0 round trip of saturated edges (measured on the test
     * pattern: min 33.4 dB instead of 35.4 dB): colour accuracy matters more here than a few ms per frame.
     */
    private static final int TO_MAT_FLAGS = SWS_BICUBIC | SWS_ACCURATE_RND;
    private static final int FROM_MAT_FLAGS = SWS_BICUBIC | SWS_ACCURATE_RND;

    private final PointerPointer<?> matData = new PointerPointer<>(4);
    private final IntPointer matLinesize = new IntPointer(4);
    private SwsContext sws;
    private int colourKey = Integer.MIN_VALUE;
    private final int channels;

    /** @param channels channels of the Mats produced by {@link #toMat} (1, 3 or 4); unused for encoding */
    PictureConverter(int channels) {
        this.channels = channels;
    }

    /** A new 8-bit Mat (grey, BGR or BGRA as configured) holding a copy of the decoded picture. */
    Mat toMat(AVFrame picture) {
        int w = picture.width();
        int h = picture.height();
        int dstFormat = channels == 4 ? AV_PIX_FMT_BGRA : channels == 1 ? AV_PIX_FMT_GRAY8 : AV_PIX_FMT_BGR24;
        SwsContext ctx = context(w, h, picture.format(), w, h, dstFormat, TO_MAT_FLAGS);
        if (isYuv(picture.format())) {
            boolean full = picture.color_range() == AVCOL_RANGE_JPEG || isJpegYuv(picture.format());
            setColour(ctx, matrixOf(picture.colorspace(), h), full, SWS_CS_DEFAULT, true);
        }
        Mat mat = new Mat(h, w, CV_8UC(channels));
        matData.put(0, mat.data());
        matLinesize.put(0, (int) mat.step());
        sws_scale(ctx, picture.data(), picture.linesize(), 0, h, matData, matLinesize);
        return mat;
    }

    /** Fills {@code target} (allocated, writable, in the encoder's pixel format) from a BGR/BGRA/grey Mat. */
    void fill(Mat image, AVFrame target) {
        int w = image.cols();
        int h = image.rows();
        boolean sixteen = image.depth() == CV_16U;
        int srcFormat = switch (image.channels()) {
            case 1 -> sixteen ? AV_PIX_FMT_GRAY16LE : AV_PIX_FMT_GRAY8;
            case 4 -> sixteen ? AV_PIX_FMT_BGRA64LE : AV_PIX_FMT_BGRA;
            default -> sixteen ? AV_PIX_FMT_BGR48LE : AV_PIX_FMT_BGR24;
        };
        SwsContext ctx = context(w, h, srcFormat, target.width(), target.height(), target.format(), FROM_MAT_FLAGS);
        if (isYuv(target.format())) {
            setColour(ctx, SWS_CS_DEFAULT, true, SWS_CS_ITU709, false);
        }
        matData.put(0, image.data());
        matLinesize.put(0, (int) image.step());
        sws_scale(ctx, matData, matLinesize, 0, h, target.data(), target.linesize());
    }

    private SwsContext context(int sw, int sh, int sf, int dw, int dh, int df, int flags) {
        SwsContext next = sws_getCachedContext(sws, sw, sh, sf, dw, dh, df, flags, null, null, (DoublePointer) null);
        if (next == null || next.isNull()) {
            throw new ResourceException("libswscale cannot convert pixel format " + sf + " to " + df + " at "
                    + sw + "x" + sh);
        }
        if (sws == null || !next.equals(sws)) {
            colourKey = Integer.MIN_VALUE; // a new context starts with default colour details
        }
        sws = next;
        return next;
    }

    private void setColour(SwsContext ctx, int srcMatrix, boolean srcFull, int dstMatrix, boolean dstFull) {
        int key = srcMatrix * 1000 + dstMatrix * 10 + (srcFull ? 1 : 0) * 2 + (dstFull ? 1 : 0);
        if (key != colourKey) {
            sws_setColorspaceDetails(ctx, sws_getCoefficients(srcMatrix), srcFull ? 1 : 0,
                    sws_getCoefficients(dstMatrix), dstFull ? 1 : 0, 0, 1 << 16, 1 << 16);
            colourKey = key;
        }
    }

    /** The swscale matrix for a stream's colour space; untagged streams follow the usual HD/SD convention. */
    private static int matrixOf(int colorspace, int height) {
        if (colorspace == AVCOL_SPC_BT709) {
            return SWS_CS_ITU709;
        }
        if (colorspace == AVCOL_SPC_BT470BG || colorspace == AVCOL_SPC_SMPTE170M) {
            return SWS_CS_ITU601;
        }
        if (colorspace == AVCOL_SPC_BT2020_NCL || colorspace == AVCOL_SPC_BT2020_CL) {
            return SWS_CS_BT2020;
        }
        if (colorspace == AVCOL_SPC_SMPTE240M) {
            return SWS_CS_SMPTE240M;
        }
        if (colorspace == AVCOL_SPC_FCC) {
            return SWS_CS_FCC;
        }
        return height >= 720 ? SWS_CS_ITU709 : SWS_CS_ITU601;
    }

    private static boolean isYuv(int pixelFormat) {
        AVPixFmtDescriptor d = av_pix_fmt_desc_get(pixelFormat);
        return d != null && (d.flags() & (AV_PIX_FMT_FLAG_RGB | AV_PIX_FMT_FLAG_PAL)) == 0 && d.nb_components() >= 3;
    }

    private static boolean isJpegYuv(int pixelFormat) {
        return pixelFormat == AV_PIX_FMT_YUVJ420P || pixelFormat == AV_PIX_FMT_YUVJ422P
                || pixelFormat == AV_PIX_FMT_YUVJ444P;
    }

    static Mat allocate(int width, int height, int channels, boolean sixteenBit) {
        return new Mat(height, width, sixteenBit ? CV_16UC(channels) : CV_8UC(channels));
    }

    @Override
    public void close() {
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
        }
        matData.close();
        matLinesize.close();
    }
}

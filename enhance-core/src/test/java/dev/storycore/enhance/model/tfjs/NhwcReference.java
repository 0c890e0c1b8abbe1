package dev.storycore.enhance.model.tfjs;

/**
 * A plain, slow re-implementation of the Keras/TF layers the importer supports, in TF's own NHWC layout
 * and with TF's formulas (HWIO kernels, "same" padding with the odd pixel after, depth_to_space NHWC),
 * so that comparing it with the converted ONNX graph checks every layout change the importer makes.
 */
final class NhwcReference {
    /** A batch-1 NHWC tensor. */
    record T(int h, int w, int c, float[] d) {
        T(int h, int w, int c) {
            this(h, w, c, new float[h * w * c]);
        }

        float at(int y, int x, int ch) {
            return d[(y * w + x) * c + ch];
        }

        void set(int y, int x, int ch, float v) {
            d[(y * w + x) * c + ch] = v;
        }
    }

    private NhwcReference() {
    }

    static T conv(T in, float[] hwio, float[] bias, int kh, int kw, int filters, int dilation, String padding) {
        int padTop = 0;
        int padLeft = 0;
        int outH = in.h() - (kh - 1) * dilation;
        int outW = in.w() - (kw - 1) * dilation;
        if (padding.equals("same")) {
            padTop = (kh - 1) * dilation / 2;
            padLeft = (kw - 1) * dilation / 2;
            outH = in.h();
            outW = in.w();
        }
        T out = new T(outH, outW, filters);
        for (int y = 0; y < outH; y++) {
            for (int x = 0; x < outW; x++) {
                for (int o = 0; o < filters; o++) {
                    double s = bias == null ? 0 : bias[o];
                    for (int i = 0; i < kh; i++) {
                        int sy = y + i * dilation - padTop;
                        if (sy < 0 || sy >= in.h()) {
                            continue;
                        }
                        for (int j = 0; j < kw; j++) {
                            int sx = x + j * dilation - padLeft;
                            if (sx < 0 || sx >= in.w()) {
                                continue;
                            }
                            for (int ci = 0; ci < in.c(); ci++) {
                                s += in.at(sy, sx, ci) * hwio[((i * kw + j) * in.c() + ci) * filters + o];
                            }
                        }
                    }
                    out.set(y, x, o, (float) s);
                }
            }
        }
        return out;
    }

    static T relu(T in) {
        T out = new T(in.h(), in.w(), in.c());
        for (int i = 0; i < in.d().length; i++) {
            out.d()[i] = Math.max(0, in.d()[i]);
        }
        return out;
    }

    static T concatChannels(T a, T b) {
        T out = new T(a.h(), a.w(), a.c() + b.c());
        for (int y = 0; y < a.h(); y++) {
            for (int x = 0; x < a.w(); x++) {
                for (int k = 0; k < a.c(); k++) {
                    out.set(y, x, k, a.at(y, x, k));
                }
                for (int k = 0; k < b.c(); k++) {
                    out.set(y, x, a.c() + k, b.at(y, x, k));
                }
            }
        }
        return out;
    }

    static T add(T a, T b) {
        T out = new T(a.h(), a.w(), a.c());
        for (int i = 0; i < a.d().length; i++) {
            out.d()[i] = a.d()[i] + b.d()[i];
        }
        return out;
    }

    static T scale(T a, float k) {
        T out = new T(a.h(), a.w(), a.c());
        for (int i = 0; i < a.d().length; i++) {
            out.d()[i] = a.d()[i] * k;
        }
        return out;
    }

    /** Keras UpSampling2D(nearest): every pixel repeated s x s times. */
    static T upsampleNearest(T in, int s) {
        T out = new T(in.h() * s, in.w() * s, in.c());
        for (int y = 0; y < out.h(); y++) {
            for (int x = 0; x < out.w(); x++) {
                for (int k = 0; k < in.c(); k++) {
                    out.set(y, x, k, in.at(y / s, x / s, k));
                }
            }
        }
        return out;
    }

    /** tf.depthToSpace(x, b, 'NHWC'): out[y*b+i, x*b+j, k] = in[y, x, (i*b+j)*C_out + k]. */
    static T depthToSpace(T in, int b) {
        int cOut = in.c() / (b * b);
        T out = new T(in.h() * b, in.w() * b, cOut);
        for (int y = 0; y < in.h(); y++) {
            for (int x = 0; x < in.w(); x++) {
                for (int i = 0; i < b; i++) {
                    for (int j = 0; j < b; j++) {
                        for (int k = 0; k < cOut; k++) {
                            out.set(y * b + i, x * b + j, k, in.at(y, x, (i * b + j) * cOut + k));
                        }
                    }
                }
            }
        }
        return out;
    }
}

package dev.storycore.enhance.ops.quality;

/**
 * The corrections the optimiser can apply, in the order it applies them: artefacts and noise first
 * (later steps would amplify them), then colour, tone, and sharpness last.
 */
public enum CorrectionType {
    /** Compression artefact removal: deblocking across the 8x8 grid plus mosquito-noise smoothing. */
    DEBLOCK("deblock", QualityDimension.ARTIFACTS),
    /** Non-local means denoising (Buades, Coll and Morel 2005), luma at full and chroma at half resolution. */
    DENOISE("denoise", QualityDimension.NOISE),
    /** White balance: von Kries channel gains from the grey-edge illuminant estimate. */
    WHITE_BALANCE("white-balance", QualityDimension.COLOR_ACCURACY),
    /** Exposure: a gamma curve chosen from the measured mean luma. */
    EXPOSURE("exposure", QualityDimension.EXPOSURE),
    /** Contrast: percentile levels stretch plus CLAHE (Zuiderveld 1994) on CIELAB lightness. */
    CONTRAST("contrast", QualityDimension.CONTRAST),
    /** Unsharp mask on luma, with a threshold above the noise level. */
    SHARPEN("sharpen", QualityDimension.SHARPNESS),
    /** Detail enhancement: guided-filter (He, Sun and Tang 2010) base/detail split, detail layer boosted. */
    DETAIL("detail", QualityDimension.SHARPNESS);

    private final String id;
    private final QualityDimension target;

    CorrectionType(String id, QualityDimension target) {
        this.id = id;
        this.target = target;
    }

    public String id() {
        return id;
    }

    /** The dimension this correction improves. */
    public QualityDimension target() {
        return target;
    }

    public static CorrectionType byId(String id) {
        for (CorrectionType t : values()) {
            if (t.id.equalsIgnoreCase(id) || t.name().equalsIgnoreCase(id)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown correction '" + id + "'; use one of "
                + java.util.Arrays.stream(values()).map(CorrectionType::id).toList());
    }
}

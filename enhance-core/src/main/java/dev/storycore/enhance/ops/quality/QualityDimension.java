package dev.storycore.enhance.ops.quality;

/**
 * The eight aspects of picture quality the analyser measures. Each is scored in [0,1], 1 = no
 * problem; docs/quality.md gives the method, citation and calibration of each.
 */
public enum QualityDimension {
    SHARPNESS("sharpness", 0.20),
    COLOR_ACCURACY("colour accuracy", 0.15),
    NOISE("noise level", 0.20),
    CONTRAST("contrast", 0.10),
    EXPOSURE("brightness/exposure", 0.15),
    SATURATION("saturation", 0.05),
    DETAIL("detail preservation", 0.0),
    ARTIFACTS("artefacts", 0.15);

    private final String label;
    private final double weight;

    QualityDimension(String label, double weight) {
        this.label = label;
        this.weight = weight;
    }

    /** Human-readable name. */
    public String label() {
        return label;
    }

    /**
     * Weight in the overall score. Detail preservation describes an operation (before/after), not a
     * picture, so it is reported but carries no weight: the overall score of a picture is the same
     * whether or not a reference was given.
     */
    public double weight() {
        return weight;
    }

    /** Lower-case id used in JSON and on the command line, e.g. "color_accuracy". */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}

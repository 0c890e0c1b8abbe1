package dev.storycore.enhance.train.sr;

/**
 * One picture prepared for training: the high-resolution original cropped to a multiple of the scale and
 * its bicubic low-resolution version, both interleaved RGB bytes, row-major.
 */
record TrainingPicture(String name, int scale, int lrWidth, int lrHeight, byte[] highRes, byte[] lowRes) {
    TrainingPicture {
        if (highRes.length != 3L * lrWidth * scale * lrHeight * scale || lowRes.length != 3L * lrWidth * lrHeight) {
            throw new IllegalArgumentException("picture " + name + ": buffer sizes do not match "
                    + lrWidth + "x" + lrHeight + " at scale " + scale);
        }
    }

    int hrWidth() {
        return lrWidth * scale;
    }

    int hrHeight() {
        return lrHeight * scale;
    }
}

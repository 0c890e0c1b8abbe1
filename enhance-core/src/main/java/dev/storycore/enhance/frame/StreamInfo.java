package dev.storycore.enhance.frame;

/**
 * What is known about a stream of frames before reading it.
 *
 * @param width        picture width in pixels
 * @param height       picture height in pixels
 * @param frameRate    frames per second as a fraction (num/den); 0/1 for a single picture
 * @param frameCount   number of frames, or 0 when unknown
 * @param durationMicros duration, or 0 when unknown
 * @param hasAudio     whether an audio stream accompanies the pictures
 */
public record StreamInfo(int width, int height, Rational frameRate, long frameCount, long durationMicros,
                         boolean hasAudio) {
    public static StreamInfo still(int width, int height) {
        return new StreamInfo(width, height, Rational.ZERO, 1, 0, false);
    }
}

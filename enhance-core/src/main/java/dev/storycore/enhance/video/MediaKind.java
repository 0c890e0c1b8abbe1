package dev.storycore.enhance.video;

/** What kind of input a path names. */
public enum MediaKind {
    /** A container with a video stream (mp4, mkv, mov, avi, webm, ...). */
    VIDEO,
    /** One still image file (PNG, JPEG, WebP, TIFF, BMP). */
    IMAGE,
    /** Numbered image files ({@code frames/%05d.png}) or a folder of images, played in name order. */
    IMAGE_SEQUENCE
}

/**
 * Reading and writing video and images, backed by FFmpeg (through the bytedeco presets) for video
 * and OpenCV for still images.
 *
 * <p>Entry points:
 * <ul>
 *   <li>{@link dev.storycore.enhance.video.MediaReader#probe(java.nio.file.Path)} and
 *       {@link dev.storycore.enhance.video.MediaReader#open(java.nio.file.Path)}: a video file, an image, an
 *       image sequence such as {@code frames/%05d.png}, or a folder of images, as a
 *       {@link dev.storycore.enhance.video.MediaSource} of owned BGR/BGRA/grey frames with exact timestamps;</li>
 *   <li>{@link dev.storycore.enhance.video.MediaWriter#open(java.nio.file.Path, OutputOptions, MediaInfo)}: a
 *       {@link dev.storycore.enhance.video.MediaSink} writing MP4/H.264 (default), WebM/VP9, AV1, FFV1/MKV, PNG
 *       sequences or a single image, with the input's audio and subtitle streams copied unchanged;</li>
 *   <li>{@link dev.storycore.enhance.video.Images}: read and write single image files.</li>
 * </ul>
 * Bad input raises {@link dev.storycore.enhance.errors.InvalidInputException}; a missing encoder raises
 * {@link dev.storycore.enhance.errors.ResourceException}.
 */
package dev.storycore.enhance.video;

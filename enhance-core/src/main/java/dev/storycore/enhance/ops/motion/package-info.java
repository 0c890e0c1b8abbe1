/**
 * Dense motion between two pictures, shared by interpolation and temporally consistent style.
 *
 * <ul>
 *   <li>{@link dev.storycore.enhance.ops.motion.DenseFlow}: OpenCV DIS optical flow (Kroeger et al. 2016) with a
 *       preset and an optional reduced working resolution; {@code estimate(a, b)} gives the flow from a to b.</li>
 *   <li>{@link dev.storycore.enhance.ops.motion.FlowField}: the flow itself (CV_32FC2, pixels), owning its Mat.</li>
 *   <li>{@link dev.storycore.enhance.ops.motion.Warp}: backward warping with {@code cv::remap}.</li>
 *   <li>{@link dev.storycore.enhance.ops.motion.Consistency}: forward–backward consistency, i.e. which pixels
 *       are visible in both pictures (occlusion masks).</li>
 *   <li>{@link dev.storycore.enhance.ops.motion.FlowStats}: mean, spread and extremes of the motion.</li>
 * </ul>
 *
 * <p>Convention (OpenCV's): a flow {@code f} from picture A to picture B says that the content at pixel
 * {@code x} of A is found at {@code x + f(x)} in B, so {@code A(x) ≈ B(x + f(x))}; hence
 * {@code Warp.backward(B, f)} rebuilds A.
 */
package dev.storycore.enhance.ops.motion;

package dev.storycore.enhance.pipeline;

/** Receives progress snapshots; called from the pipeline's thread, so keep it cheap. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = p -> { };

    void onProgress(Progress progress);
}

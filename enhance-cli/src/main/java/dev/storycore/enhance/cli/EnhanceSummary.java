package dev.storycore.enhance.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.storycore.enhance.pipeline.StageTiming;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What one {@code enhance} run did, for people (one short block) and for machines ({@code --json}).
 *
 * @param kind           "image", "folder" or "video"
 * @param frames         frames written (for a folder: images written)
 * @param method         "model", "bicubic", "lanczos" or "area": what really produced the pictures
 * @param model          the network's catalog id, or null on the classical path
 * @param fallbackReason why a network that was asked for did not run, or null
 * @param encoder        the encoder or image format really used
 * @param bottleneck     the stage with the most busy time
 * @param failed         for a folder: "name: reason" of each image that could not be enhanced
 */
record EnhanceSummary(String input, String output, String kind, long frames, double seconds, double fps,
                      String inputSize, String outputSize, String method, String model, String description,
                      String fallbackReason, String encoder, String bottleneck, List<Stage> stages,
                      List<String> warnings, List<String> failed) {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Time one stage spent, in seconds. */
    record Stage(String name, long framesIn, long framesOut, double busySeconds, double starvedSeconds,
                 double blockedSeconds) {
        static Stage of(StageTiming t) {
            return new Stage(t.name(), t.framesIn(), t.framesOut(), seconds(t.busy().toNanos()),
                    seconds(t.starved().toNanos()), seconds(t.blocked().toNanos()));
        }

        Stage plus(StageTiming t) {
            return new Stage(name, framesIn + t.framesIn(), framesOut + t.framesOut(),
                    busySeconds + seconds(t.busy().toNanos()), starvedSeconds + seconds(t.starved().toNanos()),
                    blockedSeconds + seconds(t.blocked().toNanos()));
        }
    }

    EnhanceSummary {
        stages = List.copyOf(stages);
        warnings = List.copyOf(warnings);
        failed = List.copyOf(failed);
    }

    /** Adds up stage timings of several runs (the images of a folder) by stage name, keeping their order. */
    static List<Stage> total(List<List<StageTiming>> runs) {
        Map<String, Stage> byName = new LinkedHashMap<>();
        for (List<StageTiming> run : runs) {
            for (StageTiming t : run) {
                byName.merge(t.name(), Stage.of(t), (a, b) -> a.plus(t));
            }
        }
        return new ArrayList<>(byName.values());
    }

    static String bottleneckOf(List<Stage> stages) {
        return stages.stream().max((a, b) -> Double.compare(a.busySeconds(), b.busySeconds()))
                .map(Stage::name).orElse(null);
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A few lines for people. */
    String toText() {
        StringBuilder s = new StringBuilder();
        s.append("wrote ").append(output).append('\n');
        String unit = kind.equals("folder") ? "images" : kind.equals("image") ? "image" : "frames";
        String sizes = inputSize.isEmpty() ? "" : ", " + inputSize + " -> " + outputSize;
        s.append(String.format(Locale.ROOT, "  %d %s%s, in %.1f s (%.2f %s/s)%n", frames, unit, sizes,
                seconds, fps, kind.equals("video") ? "frames" : "images"));
        s.append("  method: ").append(description).append('\n');
        if (bottleneck != null && stages.size() > 1) {
            s.append("  stages (busy s):");
            for (Stage st : stages) {
                s.append(String.format(Locale.ROOT, " %s %.1f", st.name(), st.busySeconds()));
            }
            s.append("; bottleneck: ").append(bottleneck).append('\n');
        }
        return s.toString();
    }

    private static double seconds(long nanos) {
        return Math.round(nanos / 1e6) / 1e3;
    }
}

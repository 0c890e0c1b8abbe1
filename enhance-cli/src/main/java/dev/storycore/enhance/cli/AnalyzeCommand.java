package dev.storycore.enhance.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.storycore.enhance.ops.quality.DimensionScore;
import dev.storycore.enhance.ops.quality.QualityIssue;
import dev.storycore.enhance.ops.quality.QualityReport;
import dev.storycore.enhance.ops.quality.ShotAnalysis;
import dev.storycore.enhance.ops.quality.ShotReport;
import dev.storycore.enhance.ops.quality.Suggestion;
import dev.storycore.enhance.video.MediaReader;
import dev.storycore.enhance.video.MediaSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code storycore analyze}: the eight quality dimensions, issues and suggestions of a picture or of each shot of a video. */
@Command(name = "analyze",
        mixinStandardHelpOptions = true,
        header = "Measure picture quality: eight dimensions, overall score, issues and suggested corrections.",
        description = {
            "Dimensions (0-1, 1 = no problem): sharpness, colour accuracy, noise level, contrast,",
            "brightness/exposure, saturation, detail preservation (needs a reference: not measured here),",
            "artefacts. A video is split into shots at hard cuts and every n-th frame of a shot is measured.",
            "Methods and calibration: docs/quality.md.",
            "",
            "Examples:",
            "  storycore analyze photo.jpg",
            "  storycore analyze clip.mp4 --json --every 5",
            ""
        },
        footer = ExitCodes.FOOTER)
final class AnalyzeCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "INPUT", description = "An image or a video.")
    Path input;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @Option(names = "--every", paramLabel = "N", defaultValue = "10",
            description = "Measure every N-th frame of a video shot (default: ${DEFAULT-VALUE}).")
    int every;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (every < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--every must be at least 1, got " + every);
        }
        List<ShotReport> shots;
        boolean video;
        try (MediaSource source = MediaReader.open(input)) {
            video = source.media().isVideo();
            shots = ShotAnalysis.analyze(source, video ? every : 1);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> root = new LinkedHashMap<>();
            root.put("input", input.toString());
            root.put("kind", video ? "video" : "image");
            if (video) {
                List<Object> list = new ArrayList<>();
                for (ShotReport s : shots) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("first_frame", s.firstFrame());
                    m.put("last_frame", s.lastFrame());
                    m.put("frames_measured", s.sampled());
                    m.putAll(json(s.report(), s.suggestions()));
                    list.add(m);
                }
                root.put("shots", list);
            } else {
                root.putAll(json(shots.get(0).report(), shots.get(0).suggestions()));
            }
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root));
        } else if (video) {
            out.printf(Locale.ROOT, "%s: %d shot(s)%n", input, shots.size());
            for (int i = 0; i < shots.size(); i++) {
                ShotReport s = shots.get(i);
                out.printf(Locale.ROOT, "%nshot %d: frames %d-%d (%d measured)%n", i + 1, s.firstFrame(), s.lastFrame(),
                        s.sampled());
                out.print(text(s.report(), s.suggestions()));
            }
        } else {
            out.printf(Locale.ROOT, "%s%n", input);
            out.print(text(shots.get(0).report(), shots.get(0).suggestions()));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static String text(QualityReport r, List<Suggestion> suggestions) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "overall %.2f%n", r.overall()));
        for (DimensionScore d : r.dimensions().values()) {
            s.append(String.format(Locale.ROOT, "  %-20s %s  %s%n", d.dimension().label(),
                    d.measured() ? String.format(Locale.ROOT, "%.2f", d.score()) : " n/a", d.method()));
        }
        if (!r.style().isEmpty()) {
            s.append("style: ").append(r.style().toString().toLowerCase(Locale.ROOT)).append(" (left alone by the automatic mode)\n");
        }
        s.append(r.issues().isEmpty() ? "no issues\n" : "issues:\n");
        for (QualityIssue i : r.issues()) {
            s.append(String.format(Locale.ROOT, "  %-8s %s: %s%s%n", i.severity().name().toLowerCase(Locale.ROOT),
                    i.dimension().label(), i.description(), i.intentional() ? " (looks intentional)" : ""));
        }
        if (!suggestions.isEmpty()) {
            s.append("suggestions:\n");
        }
        for (Suggestion g : suggestions) {
            s.append(String.format(Locale.ROOT, "  %d. %-13s for %s (+%.2f expected, confidence %.2f) %s; %s%n",
                    g.priority(), g.type().id(), g.target().label(), g.expectedImprovement(), g.confidence(),
                    params(g.parameters()), g.reason()));
            g.warnings().forEach(w -> s.append("       warning: ").append(w).append('\n'));
        }
        return s.toString();
    }

    private static String params(Map<String, Double> p) {
        StringBuilder s = new StringBuilder();
        p.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> s.append(s.length() == 0 ? "" : ", ")
                .append(e.getKey()).append('=').append(String.format(Locale.ROOT, "%.3g", e.getValue())));
        return "[" + s + "]";
    }

    private static Map<String, Object> json(QualityReport r, List<Suggestion> suggestions) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("overall", r.overall());
        Map<String, Object> dims = new LinkedHashMap<>();
        for (DimensionScore d : r.dimensions().values()) {
            Map<String, Object> dm = new LinkedHashMap<>();
            dm.put("score", d.measured() ? d.score() : null);
            dm.put("measured", d.measured());
            dm.put("method", d.method());
            dm.put("measurements", new java.util.TreeMap<>(d.measurements()));
            dims.put(d.dimension().id(), dm);
        }
        m.put("dimensions", dims);
        m.put("style", r.style().stream().map(t -> t.name().toLowerCase(Locale.ROOT)).sorted().toList());
        List<Object> issues = new ArrayList<>();
        for (QualityIssue i : r.issues()) {
            issues.add(Map.of("dimension", i.dimension().id(), "severity", i.severity().name().toLowerCase(Locale.ROOT),
                    "description", i.description(), "intentional", i.intentional()));
        }
        m.put("issues", issues);
        List<Object> sug = new ArrayList<>();
        for (Suggestion g : suggestions) {
            Map<String, Object> gm = new LinkedHashMap<>();
            gm.put("type", g.type().id());
            gm.put("target", g.target().id());
            gm.put("parameters", new java.util.TreeMap<>(g.parameters()));
            gm.put("expected_improvement", g.expectedImprovement());
            gm.put("confidence", g.confidence());
            gm.put("priority", g.priority());
            gm.put("warnings", g.warnings());
            gm.put("reason", g.reason());
            sug.add(gm);
        }
        m.put("suggestions", sug);
        return m;
    }
}

package dev.storycore.enhance.train.sr;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import javax.imageio.ImageIO;

/**
 * Draws a run's training loss relative to bicubic's (dashed at 1) and its validation PSNR (bicubic dashed)
 * as one PNG.
 */
final class CurvePlot {
    private static final int WIDTH = 960;
    private static final int PANEL = 300;
    private static final int LEFT = 80;
    private static final int RIGHT = 30;
    private static final int TOP = 40;

    private CurvePlot() {
    }

    static void write(TrainingHistory h, Path file) {
        BufferedImage img = new BufferedImage(WIDTH, 2 * PANEL + 2 * TOP + 40, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, img.getWidth(), img.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
            int maxStep = Math.max(1, h.recipe == null ? 1 : h.recipe.steps());
            for (TrainingHistory.LossPoint p : h.loss) {
                maxStep = Math.max(maxStep, p.step());
            }
            String title = h.recipe == null ? "training" : h.recipe.spec().modelId();
            drawPanel(g, TOP, "training loss ÷ bicubic's loss on the same patches — " + title, h.loss,
                    TrainingHistory.LossPoint::step, TrainingHistory.LossPoint::ratio, maxStep,
                    1.0, new Color(200, 60, 40));
            drawPanel(g, 2 * TOP + PANEL, String.format(Locale.ROOT,
                            "validation Y-PSNR (dB); dashed: bicubic %.2f dB; skipped steps: %d",
                            h.bicubicPsnr, h.skippedSteps), h.validation,
                    TrainingHistory.ValidationPoint::step, TrainingHistory.ValidationPoint::psnr, maxStep,
                    h.bicubicPsnr, new Color(30, 90, 200));
        } finally {
            g.dispose();
        }
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            ImageIO.write(img, "png", tmp.toFile());
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write plot " + file, e);
        }
    }

    private static <P> void drawPanel(Graphics2D g, int top, String title, List<P> points,
            ToDoubleFunction<P> xOf, ToDoubleFunction<P> yOf, int maxStep,
            double baseline, Color colour) {
        int x0 = LEFT;
        int x1 = WIDTH - RIGHT;
        int y0 = top + PANEL - 30;
        int y1 = top + 10;
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawString(title, x0, top);
        if (points.isEmpty()) {
            g.drawRect(x0, y1, x1 - x0, y0 - y1);
            g.drawString("no points yet", x0 + 10, y1 + 20);
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (P p : points) {
            double y = yOf.applyAsDouble(p);
            if (Double.isFinite(y)) {
                lo = Math.min(lo, y);
                hi = Math.max(hi, y);
            }
        }
        if (Double.isFinite(baseline)) {
            lo = Math.min(lo, baseline);
            hi = Math.max(hi, baseline);
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        double pad = 0.05 * (hi - lo);
        lo -= pad;
        hi += pad;
        // axis labels
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            int y = (int) Math.round(y0 - (y0 - y1) * (v - lo) / (hi - lo));
            g.setColor(new Color(225, 225, 225));
            g.drawLine(x0 + 1, y, x1 - 1, y);
            g.setColor(Color.DARK_GRAY);
            String label = String.format(Locale.ROOT, "%.3f", v);
            g.drawString(label, 8, y + 5);
        }
        for (int i = 0; i <= 4; i++) {
            int step = maxStep * i / 4;
            int x = x0 + (x1 - x0) * i / 4;
            g.drawString(Integer.toString(step), x - 10, y0 + 18);
        }
        g.drawString("step", x1 - 30, y0 + 30);
        if (Double.isFinite(baseline)) {
            int y = (int) Math.round(y0 - (y0 - y1) * (baseline - lo) / (hi - lo));
            g.setColor(Color.GRAY);
            g.setStroke(new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {8f, 6f}, 0f));
            g.drawLine(x0, y, x1, y);
        }
        g.setColor(colour);
        g.setStroke(new BasicStroke(2f));
        Path2D.Double line = new Path2D.Double();
        boolean first = true;
        for (P p : points) {
            double yv = yOf.applyAsDouble(p);
            if (!Double.isFinite(yv)) {
                continue;
            }
            double x = x0 + (x1 - x0) * xOf.applyAsDouble(p) / maxStep;
            double y = y0 - (y0 - y1) * (yv - lo) / (hi - lo);
            if (first) {
                line.moveTo(x, y);
                first = false;
            } else {
                line.lineTo(x, y);
            }
            if (points.size() < 60) {
                g.fillOval((int) x - 3, (int) y - 3, 6, 6);
            }
        }
        g.draw(line);
        g.setColor(Color.BLACK);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x0, y1, x1 - x0, y0 - y1);
    }
}

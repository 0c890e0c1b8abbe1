package dev.storycore.enhance.cli;

import dev.storycore.enhance.pipeline.Progress;
import dev.storycore.enhance.pipeline.ProgressListener;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Draws progress on stderr: redrawn in place on a terminal (at most 10 times a second), or as a plain
 * line every few seconds when stderr goes to a file or a pipe, so logs stay readable.
 */
final class ProgressBar implements ProgressListener {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final long LOG_NANOS = 5_000_000_000L;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final boolean terminal;
    private final String unit;
    private final LongSupplier nanoClock;
    private long lastDraw = Long.MIN_VALUE;
    private long lastDrawnProcessed = -1;
    private int lastLength;
    private boolean drewInPlace;

    ProgressBar(PrintWriter err, boolean terminal, String unit, LongSupplier nanoClock) {
        this.err = err;
        this.terminal = terminal;
        this.unit = unit;
        this.nanoClock = nanoClock;
    }

    /** A bar for the process's stderr that redraws in place when stderr is a terminal. */
    static ProgressBar forStderr(PrintWriter err, String unit) {
        return new ProgressBar(err, stderrIsTerminal(), unit, System::nanoTime);
    }

    @Override
    public synchronized void onProgress(Progress p) {
        long now = nanoClock.getAsLong();
        boolean last = p.total() > 0 && p.processed() >= p.total();
        long interval = terminal ? REDRAW_NANOS : LOG_NANOS;
        if (!last && lastDraw != Long.MIN_VALUE && now - lastDraw < interval) {
            return;
        }
        if (last && p.processed() == lastDrawnProcessed) {
            return; // the end of a run is reported twice: after the last frame and after the output is finished
        }
        lastDraw = now;
        lastDrawnProcessed = p.processed();
        String line = line(p);
        if (terminal) {
            int pad = Math.max(0, lastLength - line.length());
            err.print("\r" + line + " ".repeat(pad));
            lastLength = line.length();
            drewInPlace = true;
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the in-place line so that what follows starts on a fresh one. */
    synchronized void done() {
        if (drewInPlace) {
            err.println();
            err.flush();
            drewInPlace = false;
        }
    }

    String line(Progress p) {
        StringBuilder s = new StringBuilder();
        if (p.total() > 0) {
            int filled = (int) Math.round(p.fraction() * WIDTH);
            s.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("] ");
            s.append(p.processed()).append('/').append(p.total()).append(' ').append(unit);
            s.append(String.format(Locale.ROOT, " %3d%%", Math.round(p.fraction() * 100)));
        } else {
            s.append(p.processed()).append(' ').append(unit);
        }
        s.append(String.format(Locale.ROOT, "  %.1f %s", p.fps(), unit.equals("frames") ? "fps" : unit + "/s"));
        s.append("  elapsed ").append(clock(p.elapsed()));
        Duration eta = p.eta();
        if (eta != null) {
            s.append("  ETA ").append(clock(eta));
        }
        return s.toString();
    }

    static String clock(Duration d) {
        long seconds = Math.max(0, d.toSeconds());
        long h = seconds / 3600;
        long m = seconds / 60 % 60;
        long sec = seconds % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, sec) : String.format(Locale.ROOT, "%d:%02d", m, sec);
    }

    private static boolean stderrIsTerminal() {
        if (System.getenv("TERM") != null && System.getenv("TERM").equals("dumb")) {
            return false;
        }
        Path fd2 = Path.of("/proc/self/fd/2");
        if (Files.exists(fd2)) {
            try {
                String target = Files.readSymbolicLink(fd2).toString();
                return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
            } catch (Exception e) {
                return false;
            }
        }
        return System.console() != null;
    }
}

package org.crdl.runtime.fit;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A progress bar on stderr for scans and samplers: done/total, percentage, models per second and
 * the estimated time left, redrawn at most twice a second and finished with a newline.
 */
public final class ProgressMeter {
    private final PrintStream out;
    private final String what;
    private final int total;
    private final String unit;
    private final long start = System.nanoTime();
    private final AtomicInteger done = new AtomicInteger();
    private volatile long lastPrint;

    public ProgressMeter(PrintStream out, String what, int total) {
        this(out, what, total, "models");
    }

    /** A meter counting {@code unit} (e.g. "steps" for a sampler, whose steps are many models each). */
    public ProgressMeter(PrintStream out, String what, int total, String unit) {
        this.out = out;
        this.what = what;
        this.total = total;
        this.unit = unit;
    }

    /** A meter that prints nothing. */
    public static ProgressMeter quiet(int total) {
        return new ProgressMeter(null, "", total);
    }

    public void step() {
        int d = done.incrementAndGet();
        long now = System.nanoTime();
        if (out != null && (now - lastPrint > 500_000_000L || d == total)) {
            synchronized (this) {
                lastPrint = now;
                out.print("\r" + line(d, now));
                if (d == total) {
                    out.println();
                }
                out.flush();
            }
        }
    }

    /** Models evaluated per second so far. */
    public double rate() {
        double s = (System.nanoTime() - start) / 1e9;
        return s > 0 ? done.get() / s : 0;
    }

    public double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private String line(int d, long now) {
        double s = (now - start) / 1e9;
        double rate = s > 0 ? d / s : 0;
        int width = 30;
        int filled = total == 0 ? width : (int) ((long) width * d / total);
        String bar = "#".repeat(filled) + ".".repeat(width - filled);
        double eta = rate > 0 ? (total - d) / rate : 0;
        return String.format("crdl %s [%s] %d/%d (%3.0f%%) %.1f %s/s, %s %s", what, bar, d, total,
                total == 0 ? 100.0 : 100.0 * d / total, rate, unit, d == total ? "took" : "ETA",
                clock(d == total ? s : eta));
    }

    private static String clock(double seconds) {
        long t = Math.round(seconds);
        return t >= 3600 ? String.format("%dh%02dm", t / 3600, t / 60 % 60)
                : t >= 60 ? String.format("%dm%02ds", t / 60, t % 60) : t + " s";
    }
}

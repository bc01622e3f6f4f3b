package org.crdl.run;

import java.io.PrintStream;

/**
 * Tells the user what a long run is doing: once a run has taken more than a second, the
 * current stage and elapsed time are printed to stderr, one line per stage.
 */
public final class Progress implements AutoCloseable {
    private final PrintStream out;
    private final long start = System.nanoTime();
    private volatile String stage = "starting";
    private volatile boolean printing;
    private final Thread ticker;

    public Progress(PrintStream out) {
        this.out = out;
        ticker = new Thread(this::tick, "crdl-progress");
        ticker.setDaemon(true);
        ticker.start();
    }

    /** A quiet progress (tests, embedding). */
    public static Progress none() {
        return new Progress(null);
    }

    public void stage(String name) {
        stage = name;
        if (printing && out != null) {
            out.printf("crdl: %s (%.1f s)%n", name, seconds());
        }
    }

    private double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    private void tick() {
        try {
            Thread.sleep(1000);
            if (out != null) {
                printing = true;
                out.printf("crdl: %s (%.1f s)%n", stage, seconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        ticker.interrupt();
        if (printing && out != null) {
            out.printf("crdl: done in %.1f s%n", seconds());
        }
    }
}

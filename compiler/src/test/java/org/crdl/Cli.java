package org.crdl;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.crdl.cli.Main;

/** Runs the command line in-process (on a large stack, like the launcher) and captures its output. */
public final class Cli {
    private Cli() {
    }

    /** Exit code and captured streams of one run. */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    public static synchronized Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int[] code = {-1};
        Throwable[] thrown = {null};
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            Thread t = new Thread(null, () -> {
                try {
                    code[0] = Main.execute(args);
                } catch (Throwable x) {
                    thrown[0] = x;
                }
            }, "crdl-test", 1L << 30);
            t.start();
            t.join();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        if (thrown[0] != null) {
            throw new AssertionError("crdl threw instead of reporting", thrown[0]);
        }
        return new Result(code[0], o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}

package org.crdl.testing;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.crdl.cli.Main;

/**
 * Runs a {@code crdl} command line in this process (on a large stack, like the launcher) with its output captured, so an expected file is
 * compared with exactly what the command it names prints. Callers run one command at a time.
 */
final class CommandCapture {
    private CommandCapture() {
    }

    /** Exit code and captured streams of one command. */
    record Output(int exitCode, String stdout, String stderr) {
    }

    static synchronized Output run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int[] result = {Main.INTERNAL_ERROR_CODE};
            Thread t = new Thread(null, () -> result[0] = Main.execute(args), "crdl-test-command", 1L << 30);
            t.start();
            t.join();
            code = result[0];
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            code = Main.INTERNAL_ERROR_CODE;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Output(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }
}

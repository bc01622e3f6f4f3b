package org.crdl.cli;

import java.io.PrintWriter;
import org.crdl.runtime.plasma.ModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code crdl} command line (DESIGN §5). Each command runs on a thread with a large
 * stack, so deeply nested input is reported, never a crash. Exit codes: 0 success,
 * 1 errors in the model or its run, 2 bad command-line usage, 3 internal error.
 */
@Command(name = "crdl", mixinStandardHelpOptions = true, version = "crdl 0.1.0",
        description = "CRDL: compile cosmic-ray scattering models and run them.",
        subcommands = {CheckCommand.class, EvalCommand.class, EmitCommand.class, BenchCommand.class, RatesCommand.class, RunCommand.class, TurbulenceCommand.class, EvolveCommand.class})
public final class Main implements Runnable {
    static final int OK = 0;
    static final int MODEL_ERROR = 1;
    static final int INTERNAL_ERROR = 3;
    private static final long STACK_BYTES = 1L << 30;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    public static void main(String[] args) {
        int[] code = {INTERNAL_ERROR};
        Thread worker = new Thread(null, () -> code[0] = execute(args), "crdl", STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.out.flush();
        System.err.flush();
        System.exit(code[0]);
    }

    /** Run a command line and return its exit code (tests call this directly). */
    public static int execute(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, commandLine.getErr()));
        return cl.execute(args);
    }

    static int handle(Throwable ex, PrintWriter err) {
        if (ex instanceof ModelException) {
            err.println("error: " + ex.getMessage());
            err.flush();
            return MODEL_ERROR;
        }
        if (ex instanceof StackOverflowError) {
            err.println("error: the model is nested too deeply to analyse");
            err.flush();
            return MODEL_ERROR;
        }
        err.println("internal error: " + ex + " (this is a bug in crdl; set CRDL_DEBUG=1 for details)");
        if (System.getenv("CRDL_DEBUG") != null) {
            ex.printStackTrace(err);
        }
        err.flush();
        return INTERNAL_ERROR;
    }
}

package org.crdl.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.crdl.runtime.output.OutputException;
import org.crdl.runtime.plasma.ModelException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code crdl} command line (DESIGN §5). Each command runs on a thread with a large
 * stack, so deeply nested input is reported, never a crash. Exit codes: 0 success,
 * 1 errors in the model or its run, 2 bad command-line usage (unknown options, bad option
 * values, unwritable output paths; bare {@code crdl} prints the usage and exits 2), 3 internal
 * error. Every command accepts {@code -h}/{@code --help} (exit 0, even without its required
 * parameters).
 */
@Command(name = "crdl", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "CRDL: compile cosmic-ray scattering models and run them.",
        subcommands = {CheckCommand.class, EvalCommand.class, EmitCommand.class, BenchCommand.class, RatesCommand.class, RunCommand.class, TurbulenceCommand.class,
                EvolveCommand.class, TestCommand.class, ArchiveCommand.class, VerifyCommand.class, ScanCommand.class, FitCommand.class,
                PlotCommand.class, NewCommand.class, CompletionCommand.class})
public final class Main implements Callable<Integer> {
    static final int OK = 0;
    static final int MODEL_ERROR = 1;
    static final int USAGE_ERROR = 2;
    static final int INTERNAL_ERROR = 3;
    /** The exit code of an internal error, for in-process callers. */
    public static final int INTERNAL_ERROR_CODE = INTERNAL_ERROR;
    private static final long STACK_BYTES = 1L << 30;

    /** {@code crdl --version}: the version and git commit embedded at build time, and the Java runtime. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            org.crdl.run.BuildInfo b = org.crdl.run.BuildInfo.current();
            return new String[] {"crdl " + b.version() + " (git " + b.commit() + ") on Java " + b.javaVersion()};
        }
    }

    @Override
    public Integer call() {
        new CommandLine(this).usage(System.err);
        return USAGE_ERROR;
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
        addHelpOptions(cl);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> handle(ex, commandLine.getErr()));
        return cl.execute(args);
    }

    /** -h/--help on every subcommand that does not declare its own (usage help exits 0 before parameters are checked). */
    private static void addHelpOptions(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            CommandSpec spec = sub.getCommandSpec();
            if (spec.findOption("--help") == null && spec.findOption("-h") == null) {
                spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
                        .description("Show this help message and exit.").build());
            }
            addHelpOptions(sub);
        }
    }

    static int handle(Throwable ex, PrintWriter err) {
        if (ex instanceof UsageException || ex instanceof OutputException) {
            err.println("error: " + ex.getMessage());
            err.flush();
            return USAGE_ERROR;
        }
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

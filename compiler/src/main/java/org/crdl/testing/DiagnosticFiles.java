package org.crdl.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The models/errors/ convention, open to users: {@code X.crdl.bad} must fail {@code crdl check} (exit 1)
 * with exactly the diagnostics in {@code X.expected}; {@code X.crdl.warn} must pass {@code crdl check
 * --explain} (exit 0) with exactly the warnings in {@code X.expected}. Folder prefixes of file names are
 * ignored in the comparison, so a suite gives the same result from any working folder.
 */
public final class DiagnosticFiles {
    public static final String BAD = ".crdl.bad";
    public static final String WARN = ".crdl.warn";

    private DiagnosticFiles() {
    }

    static Path expected(Path input) {
        String name = input.getFileName().toString();
        String stem = name.endsWith(BAD) ? name.substring(0, name.length() - BAD.length())
                : name.substring(0, name.length() - WARN.length());
        return input.resolveSibling(stem + ".expected");
    }

    static CheckResult check(Path input, boolean update) {
        long t0 = System.nanoTime();
        boolean bad = input.getFileName().toString().endsWith(BAD);
        String name = bad ? "diagnostics of a bad input" : "physics warnings";
        Path expectedFile = expected(input);
        CommandCapture.Output r = bad ? CommandCapture.run("check", input.toString())
                : CommandCapture.run("check", "--explain", input.toString());
        double s = (System.nanoTime() - t0) * 1e-9;
        String where = input.toString();
        try {
            String expected = Files.exists(expectedFile) ? Files.readString(expectedFile, StandardCharsets.UTF_8) : null;
            boolean same = expected != null && normalise(expected).equals(normalise(r.stderr()));
            int wantedExit = bad ? 1 : 0;
            if (r.stderr().contains("Exception") || r.stderr().contains("\tat ")) {
                return CheckResult.fail(CheckResult.Category.DIAGNOSTICS, where, name, "a stack trace was printed", s);
            }
            if (r.exitCode() != wantedExit) {
                return CheckResult.fail(CheckResult.Category.DIAGNOSTICS, where, name, "exit code " + r.exitCode()
                        + ", expected " + wantedExit + (bad ? " (the input must have an error)" : " (warnings only)"), s);
            }
            if (!r.stderr().contains(bad ? ": error[" : ": warning[")) {
                return CheckResult.fail(CheckResult.Category.DIAGNOSTICS, where, name, bad ? "no error was reported"
                        : "no warning was reported", s);
            }
            if (same) {
                return CheckResult.pass(CheckResult.Category.DIAGNOSTICS, where, name, firstCode(r.stderr()), s);
            }
            if (update) {
                Files.writeString(expectedFile, r.stderr(), StandardCharsets.UTF_8);
                return CheckResult.pass(CheckResult.Category.DIAGNOSTICS, where, name, "UPDATED " + expectedFile, s);
            }
            return CheckResult.fail(CheckResult.Category.DIAGNOSTICS, where, name, expected == null
                    ? expectedFile + " is missing (write it with --update)"
                    : GoldenCode.firstDifference(normalise(expected), normalise(r.stderr()), "expected", "got"), s);
        } catch (IOException e) {
            return CheckResult.fail(CheckResult.Category.DIAGNOSTICS, where, name, e.getMessage(), s);
        }
    }

    /** Paths shown as their last component: "models/errors/x.crdl.bad:3:4" and "errors/x.crdl.bad:3:4" agree. */
    static String normalise(String text) {
        return text.replace("\r\n", "\n").replaceAll("[^\\s:\"'(]*[/\\\\]([^/\\\\\\s:\"']+\\.crdl(\\.bad|\\.warn)?)", "$1");
    }

    private static String firstCode(String stderr) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(error|warning)\\[[EW][0-9]{4}\\]").matcher(stderr);
        return m.find() ? m.group() : "";
    }
}

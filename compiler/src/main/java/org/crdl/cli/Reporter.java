package org.crdl.cli;

import java.io.PrintStream;
import org.crdl.diag.Diagnostic;
import org.crdl.diag.DiagnosticRenderer;
import org.crdl.diag.Diagnostics;

/** Prints diagnostics (sorted by file and position) to the error stream. */
final class Reporter {
    private Reporter() {
    }

    static void print(Diagnostics diagnostics, PrintStream err) {
        for (Diagnostic d : diagnostics.sorted()) {
            err.print(DiagnosticRenderer.render(d));
        }
        err.flush();
    }
}

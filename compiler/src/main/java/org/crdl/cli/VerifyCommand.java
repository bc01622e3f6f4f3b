package org.crdl.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.crdl.archive.ArchiveException;
import org.crdl.archive.ArchiveVerifier;
import org.crdl.archive.Finding;
import org.crdl.archive.ZipLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code crdl verify NAME.crdla}: checksums, model re-check, regenerated Java, re-run and
 * comparison with the archived results ({@link ArchiveVerifier}). Exit 0 verified, 1 a mismatch
 * (each differing entry is named with how it differs), 2 an unreadable or hostile archive.
 */
@Command(name = "verify", description = "Check a model archive: checksums, model, generated Java, re-run vs archived results.")
final class VerifyCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME.crdla")
    Path archive;

    @Override
    public Integer call() {
        ArchiveVerifier.Report report;
        try {
            report = ArchiveVerifier.verify(archive, ZipLimits.DEFAULT,
                    ArchiveCommand.runner(new PrintStream(java.io.OutputStream.nullOutputStream())));
        } catch (ArchiveException e) {
            System.err.println("error: " + e.getMessage());
            return e.exitCode();
        }
        report.notes().forEach(n -> System.out.println("ok: " + n));
        if (report.verified()) {
            System.out.println("verified: " + archive);
            return Main.OK;
        }
        for (Finding f : report.findings()) {
            System.out.println("MISMATCH " + f);
        }
        System.out.println("not verified: " + report.findings().size() + " mismatch(es) in " + archive);
        return ArchiveException.MISMATCH;
    }
}

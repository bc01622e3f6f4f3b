package org.crdl.cli;

/**
 * A mistake on the command line (a bad option value, a missing option, an output path that
 * cannot be written): reported as one line {@code error: …} with exit code 2, never a stack trace.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}

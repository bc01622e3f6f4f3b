package org.crdl.runtime.output;

import org.crdl.runtime.plasma.ModelException;

/**
 * An output path that cannot be used or written (empty, a file where a folder is wanted, a
 * foreign non-empty folder, no permission, {@code /proc}…). The command line reports it as a
 * usage error: one line, exit code 2.
 */
public class OutputException extends ModelException {
    private static final long serialVersionUID = 1L;

    public OutputException(String message) {
        super(message);
    }

    public OutputException(String message, Throwable cause) {
        super(message, cause);
    }
}

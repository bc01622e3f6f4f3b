package org.crdl.load;

/**
 * Our own generated Java was rejected by Janino: a bug in crdl, not in the model. The
 * message carries the compiler's complaint, the .crdl location nearest to it and the
 * numbered generated source, so the report can be acted on.
 */
public final class InternalCompilerError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InternalCompilerError(String message, Throwable cause) {
        super(message, cause);
    }
}

package org.crdl.runtime.plasma;

/**
 * A physics or input problem found while running a model (a phase lacks a field, a
 * quantity is undefined for the given state, a solver found no root). The message names
 * the model, phase and rigidity where known; the command line prints it without a stack trace.
 */
public class ModelException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }

    /** A number for a message: never "NaN" (README, "NaN and infinity"). */
    public static String show(double v) {
        return Double.isNaN(v) ? "an undefined value" : String.valueOf(v);
    }
}

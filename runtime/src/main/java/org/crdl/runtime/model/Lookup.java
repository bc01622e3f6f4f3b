package org.crdl.runtime.model;

import org.crdl.runtime.plasma.ModelException;

/** Helpers shared by generated and interpreted models (kept here so generated code needs no java.util). */
public final class Lookup {
    private Lookup() {
    }

    /** The error for an unknown phase or scattering name, listing the known ones. */
    public static ModelException unknown(String model, String kind, String name, String[] known) {
        return new ModelException("model " + model + " has no " + kind + " '" + name + "'; "
                + (known.length == 0 ? "it declares none" : "known: " + String.join(", ", known)));
    }
}

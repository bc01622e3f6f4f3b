package org.crdl.run;

import java.util.Map;
import org.crdl.runtime.plasma.ModelException;

/** Choosing a named block of a model for a command (--galaxy G, --environment E). */
final class Blocks {
    private Blocks() {
    }

    /**
     * The block called {@code name}, or the first one (the model's main one; the others are
     * variants) when no name is given.
     *
     * @param none what to say when the model has no block of this kind
     */
    static <T> T pick(Map<String, T> blocks, String name, String kind, String model, String none) {
        if (blocks.isEmpty()) {
            throw new ModelException("model " + model + " has no " + kind + " block" + none);
        }
        if (name == null) {
            return blocks.values().iterator().next();
        }
        T b = blocks.get(name);
        if (b == null) {
            throw new ModelException("model " + model + " has no " + kind + " '" + name + "'; " + kind + "s: "
                    + String.join(", ", blocks.keySet()));
        }
        return b;
    }
}

package org.crdl.runtime.output;

import org.crdl.runtime.plasma.ModelException;

/** Checks shared by {@link JsonObject} and {@link JsonArray}. */
final class JsonValues {
    private JsonValues() {
    }

    static Double number(double value, String where) {
        if (!Double.isFinite(value)) {
            throw new ModelException("JSON " + where + ": " + value + " is not a finite number and "
                    + "has no JSON form");
        }
        return value;
    }
}

package org.crdl.runtime.plasma;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The state of one ISM phase: its declared fields in cgs units, by name, and the derived
 * plasma quantities of {@link PlasmaQuantity}. A field with the name of a derived quantity
 * (say {@code c_s} or {@code rho}) overrides the derived value everywhere, including inside
 * other derived quantities. Immutable.
 */
public final class PhaseState {
    private final String name;
    private final Map<String, Double> fields;

    public PhaseState(String name, Map<String, Double> fields) {
        this.name = name;
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    public String name() {
        return name;
    }

    public Set<String> fieldNames() {
        return fields.keySet();
    }

    public Map<String, Double> fields() {
        return fields;
    }

    public boolean has(String field) {
        return fields.containsKey(field);
    }

    /** The declared field, or a {@link ModelException} naming the phase when it is missing. */
    public double field(String field) {
        Double v = fields.get(field);
        if (v == null) {
            throw new ModelException("phase " + name + " does not define the field '" + field + "'");
        }
        return v;
    }

    /** The declared field, or {@code fallback} when the phase does not declare it. */
    public double fieldOr(String field, double fallback) {
        Double v = fields.get(field);
        return v == null ? fallback : v;
    }

    /** A copy with one more (or one replaced) field; used when a transport solver supplies CR state. */
    public PhaseState with(String field, double value) {
        Map<String, Double> copy = new LinkedHashMap<>(fields);
        copy.put(field, value);
        return new PhaseState(name, copy);
    }

    /** Starts a phase state field by field (used by generated phase classes, which avoid java.util). */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Collects fields in evaluation order. */
    public static final class Builder {
        private final String name;
        private final Map<String, Double> fields = new LinkedHashMap<>();

        private Builder(String name) {
            this.name = name;
        }

        public Builder put(String field, double value) {
            fields.put(field, value);
            return this;
        }

        /** The fields so far, for derived quantities read while later fields are evaluated. */
        public PhaseState snapshot() {
            return new PhaseState(name, fields);
        }

        public PhaseState build() {
            return new PhaseState(name, fields);
        }
    }

    @Override
    public String toString() {
        return "phase " + name + " " + fields;
    }
}

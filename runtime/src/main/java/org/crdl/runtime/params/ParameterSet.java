package org.crdl.runtime.params;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.crdl.runtime.plasma.ModelException;

/**
 * The parameters of one model in declaration order. Compiled classes read their parameters
 * by index from a set like this, so a caller can override a value without recompiling.
 */
public final class ParameterSet {
    private final List<Parameter> parameters;

    public ParameterSet(List<Parameter> parameters) {
        this.parameters = Collections.unmodifiableList(new ArrayList<>(parameters));
    }

    /** Array form for generated code (which avoids java.util). */
    public static ParameterSet of(Parameter... parameters) {
        return new ParameterSet(List.of(parameters));
    }

    public static ParameterSet empty() {
        return new ParameterSet(List.of());
    }

    public List<Parameter> all() {
        return parameters;
    }

    public double value(int index) {
        return parameters.get(index).value();
    }

    public int indexOf(String name) {
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * A copy with {@code name} set to {@code cgsValue}; fails with a clear message when the
     * parameter does not exist or the value lies outside its declared range.
     */
    public ParameterSet with(String name, double cgsValue) {
        int i = indexOf(name);
        if (i < 0) {
            throw new ModelException("unknown parameter '" + name + "'; this model declares "
                    + (parameters.isEmpty() ? "no parameters" : names()));
        }
        Parameter p = parameters.get(i);
        if (p.bounded() && (cgsValue < p.lo() || cgsValue > p.hi())) {
            org.crdl.runtime.units.DisplayUnit u = org.crdl.runtime.units.DisplayUnit.of(p.dimension());
            throw new ModelException("parameter " + name + " = " + u.format(cgsValue) + " is outside its declared range ["
                    + u.format(p.lo()) + ", " + u.format(p.hi()) + "]");
        }
        List<Parameter> copy = new ArrayList<>(parameters);
        copy.set(i, p.withValue(cgsValue));
        return new ParameterSet(copy);
    }

    public List<String> names() {
        List<String> n = new ArrayList<>();
        parameters.forEach(p -> n.add(p.name()));
        return n;
    }
}

package org.crdl.passes;

import org.crdl.ir.Dependencies;
import org.crdl.ir.Node;
import org.crdl.ir.Symbol;

/**
 * When a value can be computed, from earliest to latest: at compile time, when the model
 * object is built (parameters), in bind() (phase, resonance, CR state), or at every call
 * (it depends on the wave energy e).
 */
public enum Level {
    CONSTANT, PARAMS, BIND, CALL;

    public static Level of(Node n) {
        Level level = CONSTANT;
        if (n instanceof Node.Ref r) {
            return of(r.symbol());
        }
        if (n instanceof Node.KSlope) {
            return BIND;
        }
        for (Node c : Dependencies.children(n)) {
            Level l = of(c);
            if (l.compareTo(level) > 0) {
                level = l;
            }
        }
        return level;
    }

    static Level of(Symbol s) {
        if (s instanceof Symbol.Constant) {
            return CONSTANT;
        } else if (s instanceof Symbol.Param) {
            return PARAMS;
        } else if (s instanceof Symbol.Wave || s instanceof Symbol.WaveVector) {
            return CALL;
        } else if (s instanceof Symbol.Temp) {
            return BIND;
        }
        return BIND;
    }
}

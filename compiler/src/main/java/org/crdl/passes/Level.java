package org.crdl.passes;

import java.util.IdentityHashMap;
import java.util.Map;
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
        return of(n, new IdentityHashMap<>());
    }

    /** The level of {@code n}, remembering the level of every subtree in {@code memo} (a pass asks for many). */
    static Level of(Node n, Map<Node, Level> memo) {
        Level known = memo.get(n);
        if (known != null) {
            return known;
        }
        Level level = CONSTANT;
        if (n instanceof Node.Ref r) {
            level = of(r.symbol());
        } else if (n instanceof Node.KSlope) {
            level = BIND;
        } else {
            for (Node c : Dependencies.children(n)) {
                Level l = of(c, memo);
                if (l.compareTo(level) > 0) {
                    level = l;
                }
            }
        }
        memo.put(n, level);
        return level;
    }

    static Level of(Symbol s) {
        if (s instanceof Symbol.Constant) {
            return CONSTANT;
        } else if (s instanceof Symbol.Param) {
            return PARAMS;
        } else if (s instanceof Symbol.Wave || s instanceof Symbol.WaveVector || s instanceof Symbol.Size) {
            return CALL;
        } else if (s instanceof Symbol.Temp) {
            return BIND;
        }
        return BIND;
    }
}

package org.crdl.sema;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crdl.diag.Code;
import org.crdl.diag.Diagnostics;
import org.crdl.ir.Dependencies;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Node;
import org.crdl.ir.Program;
import org.crdl.ir.Symbol;
import org.crdl.runtime.units.Constants;

/**
 * Compile-time checks of values that are constant (numbers, units, constants and constant
 * lets; parameters may be changed with --set, so expressions reading them are checked at run
 * time instead):
 * <ul>
 *   <li>every constant sub-expression is finite: {@code r_g / 1e300 [pc]} (1e300 pc overflows a
 *       double), {@code 1e308 * 10}, {@code 0 / 0} are errors with a caret under the innermost
 *       part that is not finite (E0314);</li>
 *   <li>constant phase fields lie in their physical domain: n, T, B &gt; 0 (B at least
 *       {@value #MIN_FIELD_GAUSS} G), e_cr &ge; 0, f_ion, f_dg in [0, 1] (E0315);</li>
 *   <li>constant galaxy settings: energies 0 &lt; min &lt; max, per_decade a whole number from
 *       2 to {@value #MAX_PER_DECADE} with at most {@value #MAX_ENERGIES} energies, a
 *       modulation potential &ge; 0 (E0315).</li>
 * </ul>
 * Constant values are computed once per node (memoised), so the pass is linear in the program.
 */
final class DomainChecker {
    /** The weakest field accepted: below it r_g and e_B leave the range of a double in the wave balance. */
    static final double MIN_FIELD_GAUSS = 1e-20;
    static final int MAX_PER_DECADE = 1000;
    static final int MAX_ENERGIES = 100_000;

    private final Diagnostics diagnostics;
    /** value of each constant node visited; null for a node that is not constant */
    private final Map<Node, Double> values = new IdentityHashMap<>();
    private final Map<Node, Boolean> visited = new IdentityHashMap<>();

    private DomainChecker(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    static void check(Program p, Diagnostics diagnostics) {
        new DomainChecker(diagnostics).run(p);
    }

    private void run(Program p) {
        p.lets().values().forEach(l -> value(l.value()));
        p.laws().values().forEach(l -> value(l.body()));
        for (Program.ScatteringDef s : p.scatterings().values()) {
            s.nu().ifPresent(this::value);
        }
        for (Program.PhaseDef phase : p.phases().values()) {
            for (Program.FieldDef f : phase.fields()) {
                Double v = value(f.value());
                if (v != null && Double.isFinite(v)) {
                    field(phase.name(), f, v);
                }
            }
        }
        for (Galaxy.Def g : p.galaxies().values()) {
            galaxy(g);
        }
    }

    private void field(String phase, Program.FieldDef f, double v) {
        switch (f.name()) {
            case "n" -> require(v > 0, f.value(), "n (the gas density of phase " + phase + ")", "> 0 [cm^-3]", v);
            case "T" -> require(v > 0, f.value(), "T (the temperature of phase " + phase + ")", "> 0 [K]", v);
            case "B" -> require(v >= MIN_FIELD_GAUSS, f.value(), "B (the magnetic field of phase " + phase + ")",
                    ">= 1e-20 [G] (without a field there is no gyroresonance)", v);
            case "e_cr" -> require(v >= 0, f.value(), "e_cr (the CR energy density of phase " + phase + ")",
                    ">= 0 [erg cm^-3]", v);
            case "f_ion", "f_dg" -> require(v >= 0 && v <= 1, f.value(), f.name() + " of phase " + phase,
                    "between 0 and 1", v);
            default -> {
            }
        }
    }

    private void galaxy(Galaxy.Def g) {
        Galaxy.Energies e = g.energies();
        Double lo = value(e.min());
        Double hi = value(e.max());
        Double per = value(e.perDecade());
        if (lo != null) {
            require(lo > 0, e.min(), "energies min", "> 0 [GeV]", lo / Constants.GEV);
        }
        if (lo != null && hi != null && lo > 0) {
            require(hi > lo, e.max(), "energies max", "> min (" + lo / Constants.GEV + " [GeV])", hi / Constants.GEV);
        }
        if (per != null) {
            boolean whole = per == Math.rint(per) && per >= 2 && per <= MAX_PER_DECADE;
            require(whole, e.perDecade(), "per_decade", "a whole number from 2 to " + MAX_PER_DECADE, per);
            if (whole && lo != null && hi != null && lo > 0 && hi > lo) {
                double n = Math.log10(hi / lo) * per;
                require(n <= MAX_ENERGIES, e.perDecade(), "the energy grid (" + Math.round(n) + " energies)",
                        "at most " + MAX_ENERGIES + " energies", per);
            }
        }
        g.modulationPhi().ifPresent(phi -> {
            Double v = value(phi);
            if (v != null) {
                require(v >= 0, phi, "the force-field potential phi", ">= 0 [GV]", v / Constants.GV);
            }
        });
    }

    private void require(boolean ok, Node at, String what, String domain, double found) {
        if (!ok) {
            diagnostics.report(Code.PHYSICAL_DOMAIN, at.span(), what, domain, fmt(found));
        }
    }

    private static String fmt(double x) {
        return Double.isFinite(x) ? new java.math.BigDecimal(String.format("%.6g", x)).stripTrailingZeros().toString()
                : String.valueOf(x);
    }

    /**
     * The value of a constant node (null when it is not constant); reports the innermost
     * sub-expression that is not finite.
     */
    private Double value(Node n) {
        if (visited.containsKey(n)) {
            return values.get(n);
        }
        Double v = compute(n);
        visited.put(n, Boolean.TRUE);
        values.put(n, v);
        return v;
    }

    private Double compute(Node n) {
        if (n instanceof Node.Const c) {
            if (!Double.isFinite(c.value())) {
                report(n, c.value());
            }
            return c.value();
        }
        if (n instanceof Node.Ref r) {
            Symbol s = r.symbol();
            Optional<Node> target = s instanceof Symbol.Let l ? Optional.of(l.value())
                    : s instanceof Symbol.Law l ? Optional.of(l.body())
                    : s instanceof Symbol.Where w ? Optional.of(w.value()) : Optional.empty();
            if (s instanceof Symbol.Constant c) {
                return c.constant().value();
            }
            return target.map(this::value).orElse(null);   // a non-finite let is reported at the let, not here
        }
        List<Node> children = Dependencies.children(n);
        double[] a = new double[children.size()];
        boolean constant = true;
        boolean finiteInputs = true;
        for (int i = 0; i < a.length; i++) {
            Double v = value(children.get(i));
            if (v == null) {
                constant = false;
            } else {
                a[i] = v;
                finiteInputs &= Double.isFinite(v);
            }
        }
        if (!constant || n.isCondition() || n instanceof Node.Cond || n instanceof Node.KSlope
                || n instanceof Node.Invalid) {
            return null;
        }
        double v;
        if (n instanceof Node.Neg) {
            v = -a[0];
        } else if (n instanceof Node.Add) {
            v = a[0] + a[1];
        } else if (n instanceof Node.Sub) {
            v = a[0] - a[1];
        } else if (n instanceof Node.Mul) {
            v = a[0] * a[1];
        } else if (n instanceof Node.Div) {
            v = a[0] / a[1];
        } else if (n instanceof Node.Pow) {
            v = Math.pow(a[0], a[1]);
        } else if (n instanceof Node.Call c) {
            v = c.fn().apply(a);
        } else {
            return null;
        }
        if (finiteInputs && !Double.isFinite(v)) {
            report(n, v);
        }
        return v;
    }

    private void report(Node at, double v) {
        diagnostics.report(Code.NOT_FINITE, at.span(), "this expression", describe(v));
    }

    /** A non-finite value in words (a diagnostic never prints NaN). */
    static String describe(double v) {
        return Double.isNaN(v) ? "an undefined number (0/0, or a root or logarithm of a negative number)"
                : v > 0 ? "infinity (beyond 1.8e308 in cgs)" : "-infinity (beyond -1.8e308 in cgs)";
    }
}

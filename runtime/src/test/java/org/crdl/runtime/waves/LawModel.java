package org.crdl.runtime.waves;

import java.util.List;
import java.util.function.DoubleUnaryOperator;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.PhaseState;

/**
 * A hand-written {@link ScatteringModel} for runtime tests: sources S_i(e) [erg cm^-3 s^-1]
 * and dampings Γ_j(e) [s^-1] given as plain functions of e (no phase dependence), or a
 * phenomenological ν. Stands in for a generated class, so the wave-balance solvers can be
 * tested without the compiler.
 */
final class LawModel implements ScatteringModel {
    private final ScatteringInfo info;
    private final DoubleUnaryOperator[] sources;
    private final DoubleUnaryOperator[] dampings;
    private final double nu;

    private LawModel(ScatteringInfo info, DoubleUnaryOperator[] sources, DoubleUnaryOperator[] dampings, double nu) {
        this.info = info;
        this.sources = sources;
        this.dampings = dampings;
        this.nu = nu;
    }

    /** Total-wave (or split, with {@code mode = "split"}) block with nu_hat = 3/4. */
    static LawModel of(String mode, DoubleUnaryOperator[] sources, DoubleUnaryOperator[] dampings) {
        List<String> s = names("s", sources.length);
        List<String> d = names("d", dampings.length);
        return new LawModel(new ScatteringInfo("test", "block", s, d, 0.75, false, mode), sources, dampings, 0);
    }

    static LawModel phenomenological(double nu) {
        return new LawModel(new ScatteringInfo("test", "empirical", List.of(), List.of(), 0.75, true, "total"),
                new DoubleUnaryOperator[0], new DoubleUnaryOperator[0], nu);
    }

    private static List<String> names(String prefix, int n) {
        String[] a = new String[n];
        for (int i = 0; i < n; i++) {
            a[i] = prefix + i;
        }
        return List.of(a);
    }

    @Override
    public String name() {
        return info.name();
    }

    @Override
    public ScatteringInfo info() {
        return info;
    }

    @Override
    public void bind(PhaseState phase, Resonance res, CrState cr) {
    }

    @Override
    public double sourceRate(double e) {
        double s = 0;
        for (DoubleUnaryOperator f : sources) {
            s += f.applyAsDouble(e);
        }
        return s;
    }

    @Override
    public double dampingRate(double e) {
        double g = 0;
        for (DoubleUnaryOperator f : dampings) {
            g += f.applyAsDouble(e);
        }
        return g;
    }

    @Override
    public double[] terms(double e) {
        double[] t = new double[sources.length + dampings.length];
        for (int i = 0; i < sources.length; i++) {
            t[i] = sources[i].applyAsDouble(e);
        }
        for (int j = 0; j < dampings.length; j++) {
            t[sources.length + j] = dampings[j].applyAsDouble(e);
        }
        return t;
    }

    @Override
    public double nu() {
        return nu;
    }
}

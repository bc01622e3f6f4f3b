package org.crdl.interp;

import org.crdl.runtime.params.ParameterSet;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.waves.CrState;

/**
 * The run-time state an IR expression is evaluated in. Any part may be absent (null, or
 * NaN for the wave energy); reading an absent part is a {@link ModelException} that says
 * what was missing.
 */
public record Env(ParameterSet params, PhaseState phase, Resonance resonance, double waveEnergy, CrState cr,
                  double waveNumber, double cosTheta, double size) {

    public static Env of(ParameterSet params) {
        return new Env(params, null, null, Double.NaN, null, Double.NaN, Double.NaN, Double.NaN);
    }

    public Env withPhase(PhaseState p) {
        return new Env(params, p, resonance, waveEnergy, cr, waveNumber, cosTheta, size);
    }

    public Env withResonance(Resonance r) {
        return new Env(params, phase, r, waveEnergy, cr, waveNumber, cosTheta, size);
    }

    public Env withWave(double e) {
        return new Env(params, phase, resonance, e, cr, waveNumber, cosTheta, size);
    }

    public Env withCr(CrState c) {
        return new Env(params, phase, resonance, waveEnergy, c, waveNumber, cosTheta, size);
    }

    /** The fast-mode wavevector of a turbulence damping law: k [cm^-1] and cos θ. */
    public Env withWaveVector(double k, double cos) {
        return new Env(params, phase, resonance, waveEnergy, cr, k, cos, size);
    }

    /** The short axis ℓ_S [cm] of a structure (structure laws only). */
    public Env withSize(double ellS) {
        return new Env(params, phase, resonance, waveEnergy, cr, waveNumber, cosTheta, ellS);
    }

    double requireSize() {
        if (Double.isNaN(size)) {
            throw new ModelException("ell_S is the size of a structure: it exists only inside a structure declaration");
        }
        return size;
    }

    double requireWaveVector(boolean cos) {
        double v = cos ? cosTheta : waveNumber;
        if (Double.isNaN(v)) {
            throw new ModelException("k and cos_theta are the wavevector of a fast mode: they exist only in damping "
                    + "laws used by an environment (crdl turbulence)");
        }
        return v;
    }

    PhaseState requirePhase(String what) {
        if (phase == null) {
            throw new ModelException(what + " needs a phase (give --phase)");
        }
        return phase;
    }

    Resonance requireResonance(String what) {
        if (resonance == null) {
            throw new ModelException(what + " needs a rigidity (give --at R=1GV)");
        }
        return resonance;
    }

    double requireWave() {
        if (Double.isNaN(waveEnergy)) {
            throw new ModelException("the wave energy e is only known inside the wave balance; "
                    + "use `crdl rates` (or --at e=… with `crdl eval`)");
        }
        return waveEnergy;
    }

    CrState requireCr() {
        if (cr == null) {
            return CrState.none(phase == null ? "the evaluation context" : "phase " + phase.name());
        }
        return cr;
    }
}

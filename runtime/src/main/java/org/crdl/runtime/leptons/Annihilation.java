package org.crdl.runtime.leptons;

import org.crdl.runtime.network.Gas;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.units.Constants;

/**
 * In-flight annihilation of positrons on the electrons of the gas (hopkins2021 digest §3.2(i), paper
 * L731–749), a catastrophic loss ḟ = −n_e v σ f with the Dirac (1930) cross section in the corrected form of
 * the digest [FLAG] (prefactor (γ+1)⁻¹, not the extracted (γ²+1)⁻¹):
 * <pre>  σ = π r_e² /(γ+1) [ (γ² + 4γ + 1)/(γ² − 1) ln(γ + √(γ²−1)) − (γ + 3)/√(γ²−1) ]  </pre>
 * with γ the positron Lorentz factor in the electron rest frame. σ(γ = 10) = 6.7×10⁻²⁶ cm² (digest). The
 * target electrons are all electrons of the gas, free and bound, n_e,tot = n_H (1 + 2 y_He): at positron
 * energies ≫ 10 eV the binding does not matter (Heitler 1954); the paper writes n_e.
 */
public final class Annihilation {
    private Annihilation() {
    }

    /** classical electron radius r_e = e²/(m_e c²) [cm] */
    public static final double ELECTRON_RADIUS = Constants.Q_E * Constants.Q_E / (Constants.M_E * Constants.C * Constants.C);

    /** Dirac annihilation cross section [cm²] at positron Lorentz factor γ &gt; 1 */
    public static double diracCm2(double gamma) {
        double g = Math.max(gamma, 1 + 1e-9);
        double s = Math.sqrt(g * g - 1);
        return Math.PI * ELECTRON_RADIUS * ELECTRON_RADIUS / (g + 1)
                * ((g * g + 4 * g + 1) / (g * g - 1) * Math.log(g + s) - (g + 3) / s);
    }

    /** annihilation rate n_e,tot v σ [s⁻¹] of a positron of kinetic energy T [erg] in {@code gas} */
    public static double positronRate(double kineticErg, Gas gas) {
        double g = 1 + kineticErg / (Constants.M_E * Constants.C * Constants.C);
        double v = Constants.C * Kinematics.betaFromLorentzFactor(g);
        double electrons = gas.hydrogenDensity() * (1 + 2 * gas.heliumRatio());
        return electrons * v * diracCm2(g);
    }
}

package org.crdl.physics;

import static org.crdl.physics.Phys.close;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * kempski2022 self-confinement (digest §2.2–2.3) through the shipped models models/kempski2022/*.crdl and
 * `crdl rates`: CRDL's local balance with e = total wave energy and ν̂_s = 1/2 (laws.crdl header) must give the
 * paper's results. With P'_cr = dP/d ln p = (4π/3) p⁴ v f the gradient is |∂f/∂z| = 3 P'/(4π p⁴ v ℓ_∇), and
 * <ul>
 *   <li>linear damping: the diffusive flux κ|∂f/∂z| is the digest's S(p) = B² Γ/(4π³ v_A m_p Ω_0 p³)
 *       (eq. 4–5, L76–L84), independent of f and ∝ p^(−3−a) for Γ ∝ k^a: p^−3.5 for a = 1/2 (L84);</li>
 *   <li>NLLD (C = 6, Γ = 3 k v_th e/e_B): κ = X |∂f/∂z|^(−1/2) (eq. 10, L108) with X of eq. 11 (L112),
 *       X² = 2 v_p v_th B²/(π⁴ Ω_0 m_p v_A p³), v_th = (k_B T/m_p)^½.</li>
 * </ul>
 * Phase fields (kempski digest §4): fig1_halo n = 0.001, B = 1 uG; hot_halo n = 0.003, T = 3e6 K, B = 1 uG; both with the
 * [external] e'_cr = 0.6 eV cm^-3 R_GV^-0.7, ℓ_∇ = 10 kpc, and P'_cr = β² e'_cr/3 (no P_cr field).
 */
class KempskiSelfConfinementTest {
    private static final double Q_E = 4.80320471e-10;                // statC (CODATA 2018 e in Gaussian units)
    private static final double B = Phys.UG;

    /** p [g cm s^-1] of a proton at R [GV]: p = e R/c. */
    private static double p(double gv) {
        return Q_E * gv * Phys.GV / Phys.C;
    }

    /** |∂f/∂z| from P'_cr = β² e'_cr/3 over ℓ_∇ = 10 kpc. */
    private static double gradF(double gv) {
        double beta = Phys.beta(gv);
        double pressure = beta * beta * 0.6 * Phys.EV * Math.pow(gv, -0.7) / 3;
        return 3 * pressure / (10 * Phys.KPC) / (4 * Math.PI * Math.pow(p(gv), 4) * beta * Phys.C);
    }

    @Test
    void linearDampingFluxIsTheSkillingS() {
        List<Phys.Row> rows = Phys.rates("models/kempski2022/self_confinement_linear.crdl", "--scattering", "sc_linear_fig1",
                "--phase", "fig1_halo", "--rigidity", "0.1:1000:5");
        double vA = Phys.vA(B, 0.001);
        double mpOmega0 = Q_E * B / Phys.C;                                 // m_p Ω_0 = eB/c
        for (Phys.Row r : rows) {
            double gv = r.num("R_GV");
            double gamma = 1e-11 * Math.pow(gv, -0.5);                      // Fig. 1: 1e-11 s^-1 at 1 GeV resonance, Γ ∝ k^1/2
            double s = B * B * gamma / (4 * Math.pow(Math.PI, 3) * vA * mpOmega0 * Math.pow(p(gv), 3));
            close(s, r.num("kappa_par_cm2_per_s") * gradF(gv), 1e-9, "κ|∂f/∂z| = S(p) at " + gv + " GV");
        }
        // S ∝ p^-3.5 (L84) between the ends of the grid
        Phys.Row lo = rows.get(0);
        Phys.Row hi = rows.get(rows.size() - 1);
        double slope = Math.log(hi.num("kappa_par_cm2_per_s") * gradF(hi.num("R_GV"))
                / (lo.num("kappa_par_cm2_per_s") * gradF(lo.num("R_GV")))) / Math.log(p(hi.num("R_GV")) / p(lo.num("R_GV")));
        assertEquals(-3.5, slope, 1e-9, "S ∝ p^(-3-a), a = 1/2");
    }

    @Test
    void nonlinearLandauDampingGivesEquationEleven() {
        double vA = Phys.vA(B, 0.003);
        double vTh = Math.sqrt(Phys.K_B * 3e6 / Phys.M_P);
        double mpOmega0 = Q_E * B / Phys.C;
        for (Phys.Row r : Phys.rates("models/kempski2022/self_confinement_nlld.crdl", "--phase", "hot_halo",
                "--rigidity", "0.1:1000:5")) {
            double gv = r.num("R_GV");
            double vP = Phys.beta(gv) * Phys.C;
            double x2 = 2 * vP * vTh * B * B / (Math.pow(Math.PI, 4) * mpOmega0 * vA * Math.pow(p(gv), 3));
            close(Math.sqrt(x2), r.num("kappa_par_cm2_per_s") * Math.sqrt(gradF(gv)), 1e-9, "κ|∂f/∂z|^½ = X at " + gv + " GV");
        }
    }
}

package org.crdl.physics;

import static org.crdl.physics.Phys.close;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * The empirical normalisation of hopkins2022 L249 (digest §2.8, checkpoint C16): "r_0 ~ 1e19 cm R_GV^½, or equivalently
 * e_A/e_B ~ 3e-7 B_uG^-1 R_GV^½", i.e. ν̄ ≈ 1e-9 s^-1 at 1 GV. With ν̄_s = (3π/16) Ω e_A/e_B (L854, ν̂_s = 3/4) the two
 * statements are NOT equivalent at the stated precision: ν̄ = 1e-9 β s^-1 at 1 GV, 1 uG is e_A/e_B = 1.89e-7
 * (β cancels against Ω = βc/r_g; the digest's 1.9e-7), and e_A/e_B = 3e-7 is ν̄ = 1.16e-9 s^-1 (ν̄/β = 1.59e-9 s^-1).
 * Taking ν̄ = 1e-9 s^-1 without the β factor gives 2.59e-7, the closest reading to the paper's "~3e-7".
 */
class EmpiricalTargetTest {

    /** ν̄ → e_A/e_B: the e_A_over_e_B column of the phenomenological block ν̄ = 1e-9 s^-1 β R^-0.6 (models/hopkins2022/empirical.crdl). */
    @Test
    void empiricalRateToWaveAmplitude() {
        Phys.Row r = Phys.rates("models/hopkins2022/empirical.crdl", "--phase", "lism_fiducial", "--rigidity", "1").get(0);
        double want = 1e-9 * Phys.rg(1, Phys.UG) / (3 * Math.PI / 16 * Phys.C);     // β cancels
        close(want, r.num("e_A_over_e_B"), 1e-12, "e_A/e_B at 1 GV, 1 uG");
        assertEquals(1.89e-7, r.num("e_A_over_e_B"), 0.005e-7, "digest C16: 1.9e-7 with beta included");
        assertEquals("phenomenological", r.text("regime"));
        // the paper's value is 1.59x larger; without the beta factor in nu it would be 2.59e-7
        assertEquals(1.59, 3e-7 / r.num("e_A_over_e_B"), 0.01, "paper 3e-7 / computed");
        double noBeta = 1e-9 / (3 * Math.PI / 16 * Phys.omega(1, Phys.UG));
        assertEquals(2.59e-7, noBeta, 0.005e-7, "reading nu = 1e-9 s^-1 at 1 GV without beta");
        // r_0 = κ/(βc) = c/(3 ν̄_0) = 1.0e19 cm (C16 first half)
        assertEquals(1.0e19, r.num("kappa_par_cm2_per_s") / (r.num("beta") * Phys.C), 0.01e19, "r_0");
    }

    /** e_A/e_B → ν̄: a balance built to give e_A/e_B = 3e-7 scatters at ν̄ = (3π/16) Ω · 3e-7 (L854). */
    @Test
    void waveAmplitudeToScatteringRate() {
        for (Phys.Row r : Phys.rates("compiler/src/test/resources/physics/empirical_target.crdl", "--phase", "cell_1uG",
                "--rigidity", "1:100:3")) {
            double gv = r.num("R_GV");
            close(3e-7, r.num("e_A_over_e_B"), 1e-12, "constructed amplitude");
            close(3 * Math.PI / 16 * Phys.omega(gv, Phys.UG) * 3e-7, r.num("nu_s_per_s"), 1e-12, "nu = (3pi/16) Omega e/e_B");
            if (gv == 1) {
                assertEquals(1.16e-9, r.num("nu_s_per_s"), 0.005e-9, "nu at 1 GV for e_A/e_B = 3e-7");
                assertEquals(1.59e-9, r.num("nu_s_per_s") / r.num("beta"), 0.005e-9, "nu/beta at 1 GV");
            }
        }
    }
}

package org.crdl.runtime.transport;

import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * One slab of a {@link LayeredSlab} (kempski2022 two-phase model, digest §3): a thickness and a
 * transport mode. Layers are stacked upward from the thin disk at z = 0. Inside a layer there are
 * no sources or sinks, so the particle flux per side F = v_st n − κ ∂n/∂z is constant (paper eq. 2
 * in its "flux ≈ Q" form, the adiabatic term dropped as in the paper, L53–61); a diffusive layer's wind and
 * reacceleration act through the momentum solve of {@link LayeredSlab}, which keeps these profiles.
 */
public sealed interface Layer permits Layer.Diffusive, Layer.SelfConfinedNll {

    String name();

    /** thickness [cm] */
    double thickness();

    /**
     * Diffusion with κ(species, R) supplied by the caller (e.g. κ_turb from fast modes), an optional
     * constant advection speed v_st — a convective wind ({@code wind = V} of a diffusive layer) or a
     * streaming speed, 0 in kempski2022, L201 — and an optional Alfvén speed v_A for reacceleration,
     * D_pp = η p² v_A²/κ (the η convention is the slab's, {@link LayeredSlab.Builder#reacceleration}).
     * Per unit flux F the profile is n(z) = n_top + F (z_top − z)/κ for v_st = 0 (eq. 31), else
     * n(z) = F/v_st + (n_top − F/v_st) e^{−v_st (z_top − z)/κ}; the adiabatic term of v_st and D_pp
     * are applied by {@link LayeredSlab} in its energy solve.
     */
    record Diffusive(String name, double thickness, Diffusion kappa, double streamingSpeed, double alfvenSpeed)
            implements Layer {
        public Diffusive {
            if (!(thickness > 0) || Double.isInfinite(thickness)) {
                throw new ModelException("layer " + name + ": thickness must be positive and finite, got " + thickness + " cm");
            }
            if (!(streamingSpeed >= 0) || Double.isInfinite(streamingSpeed)) {
                throw new ModelException("layer " + name + ": streaming speed must be finite and ≥ 0");
            }
            if (!(alfvenSpeed >= 0) || Double.isInfinite(alfvenSpeed)) {
                throw new ModelException("layer " + name + ": the Alfvén speed for reacceleration must be finite and ≥ 0");
            }
        }

        /** a layer without reacceleration */
        public Diffusive(String name, double thickness, Diffusion kappa, double streamingSpeed) {
            this(name, thickness, kappa, streamingSpeed, 0);
        }

        public static Diffusive of(String name, double thickness, Diffusion kappa) {
            return new Diffusive(name, thickness, kappa, 0, 0);
        }

        /**
         * ∫ n dz over the layer [cm × density] for flux F and top value n_top, from the closed-form profile:
         * n_top Δ + F Δ²/(2κ) for v_st = 0, else F Δ/v + (n_top − F/v)(κ/v)(1 − e^{−vΔ/κ}).
         */
        double column(double kappaValue, double flux, double top) {
            double dz = thickness;
            double x = streamingSpeed * dz / kappaValue;
            if (x == 0) {
                return top * dz + flux * dz * dz / (2 * kappaValue);
            }
            // n_top Δ (1 − e^{−x})/x + F Δ²/κ (x − 1 + e^{−x})/x², without cancellation for small x
            double g = x < 1e-3 ? 0.5 - x / 6 + x * x / 24 : (x + Math.expm1(-x)) / (x * x);
            return top * dz * -Math.expm1(-x) / x + flux * dz * dz / kappaValue * g;
        }
    }

    /**
     * Self-confined streaming at the Alfvén speed with waves damped by nonlinear Landau damping
     * (kempski2022 §2.1.2, eqs. 10–14): the proton flux obeys v_A f + X (−∂f/∂z)^{1/2} = F with
     * (eq. 11, L112)
     * <pre>  X = v_p²/(2π²Ω₀) · (8 v_th Ω₀ B² / (m_p v_A v_p³ p³))^{1/2}  </pre>
     * Ω₀ = eB/(m_p c), v_A = B/√(4π n m_p), v_th = √(ξ k_B T/m_p) (ξ = 1 by default; the paper leaves
     * the factor open, digest §2.0), so f(z) = F/v_A + X²/(v_A²(z + C)) (eq. 13; eq. 14 when the
     * layer reaches the free-escape top). The proton diffusivity is linear in height,
     * κ_p = v_A (L − z), L = −C; other species use κ_i = (v_i/v_p) κ_p at the same rigidity
     * (footnote 3), which gives eq. 30.
     *
     * @param thermalDensity     n_th [cm⁻³]
     * @param temperature        T [K]
     * @param magneticField      B [G]
     * @param thermalSpeedFactor ξ in v_th = √(ξ k_B T/m_p)
     */
    record SelfConfinedNll(String name, double thickness, double thermalDensity, double temperature,
                           double magneticField, double thermalSpeedFactor) implements Layer {
        public SelfConfinedNll {
            if (!(thickness > 0) || !(thermalDensity > 0) || !(temperature > 0) || !(magneticField > 0)
                    || !(thermalSpeedFactor > 0) || Double.isInfinite(thickness)) {
                throw new ModelException("layer " + name + ": thickness, n_th, T, B and the thermal-speed factor must be"
                        + " positive and finite");
            }
        }

        public static SelfConfinedNll of(String name, double thickness, double nThermal, double temperature, double b) {
            return new SelfConfinedNll(name, thickness, nThermal, temperature, b, 1.0);
        }

        /** v_A = B/√(4π n m_p) [cm/s] */
        public double alfvenSpeed() {
            return magneticField / Math.sqrt(4 * Math.PI * thermalDensity * Constants.M_P);
        }

        /** v_th = √(ξ k_B T/m_p) [cm/s] */
        public double thermalSpeed() {
            return Math.sqrt(thermalSpeedFactor * Constants.K_B * temperature / Constants.M_P);
        }

        /** X of eq. 11 for proton momentum p [g cm/s] and speed v_p [cm/s], in f-units (per d³p) */
        public double x(double protonMomentum, double protonSpeed) {
            double b = magneticField;
            double omega0 = Constants.Q_E * b / (Constants.M_P * Constants.C);
            double vA = alfvenSpeed();
            double vp = protonSpeed;
            double p = protonMomentum;
            return vp * vp / (2 * Math.PI * Math.PI * omega0)
                    * Math.sqrt(8 * thermalSpeed() * omega0 * b * b / (Constants.M_P * vA * vp * vp * vp * p * p * p));
        }
    }
}

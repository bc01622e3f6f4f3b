package org.crdl.runtime.turbulence;

/**
 * Collisionless (Landau / transit-time) damping of fast modes in a low-β plasma,
 * Γ = c_form (πβ)^{1/2} sin²θ/cos θ · k v_A · [ (m_e/m_i)^{1/2} e^{−m_e/(m_i β cos²θ)} + ion term ].
 * <ul>
 * <li>{@link Form#YAN_LAZARIAN_FULL} (default): kempski2022 (A6) full form (L598; digest §2.5
 * "use the full form"; hopkins2022 (C3) with the Ginzburg small-angle f_fast,L),
 * c_form = 1/4, ion term 5 e^{−1/(β cos²θ)}.</li>
 * <li>{@link Form#FORNIERI_A18}: the rate implied by fornieri2021 (A18) (L509) with the cascade
 * {@link FastModeCascade#weakIsotropic}: c_form = 1/2, electron term only. Equating the two gives
 * k_max L = 4 M_A⁴ γ ξ²/(π β (1−ξ²)²) · exp(2/(β γ ξ²)), γ = m_i/m_e, exactly (A18).</li>
 * <li>{@link Form#HOPKINS_C3_SMALL_ANGLE}: hopkins2022 (C3) as printed, √π β/4 instead of
 * √(πβ)/4 (kempski2022 digest §2.5 notes the inconsistency), electron term only.</li>
 * </ul>
 * Near cos θ → 0 the exponential vanishes faster than 1/cos θ grows; the rate is returned as 0
 * there instead of 0·∞.
 */
public final class CollisionlessDamping implements FastModeDamping {
    /** Normalisation variants of the collisionless rate (see class comment). */
    public enum Form { YAN_LAZARIAN_FULL, FORNIERI_A18, HOPKINS_C3_SMALL_ANGLE }

    private final double beta;
    private final double alfvenSpeed;
    private final double massRatio;
    private final Form form;
    private final double prefactor;
    /** (m_e/m_i)^½, the electron term's weight */
    private final double electronWeight;

    /**
     * @param beta        plasma β = P_gas/P_B
     * @param alfvenSpeed v_A [cm/s]
     * @param massRatio   m_i/m_e (fornieri2021 L511 γ; the authors' code uses 0.939/0.000510998918)
     * @param form        normalisation variant
     */
    public CollisionlessDamping(double beta, double alfvenSpeed, double massRatio, Form form) {
        if (!(beta > 0) || !(alfvenSpeed > 0) || !(massRatio > 0)) {
            throw new IllegalArgumentException("collisionless damping needs beta > 0, v_A > 0, m_i/m_e > 0; got beta="
                    + beta + ", v_A=" + alfvenSpeed + ", m_i/m_e=" + massRatio);
        }
        this.beta = beta;
        this.alfvenSpeed = alfvenSpeed;
        this.massRatio = massRatio;
        this.form = form;
        this.electronWeight = Math.sqrt(1.0 / massRatio);
        this.prefactor = switch (form) {
            case YAN_LAZARIAN_FULL -> Math.sqrt(Math.PI * beta) / 4.0;
            case FORNIERI_A18 -> Math.sqrt(Math.PI * beta) / 2.0;
            case HOPKINS_C3_SMALL_ANGLE -> Math.sqrt(Math.PI) * beta / 4.0;
        };
    }

    /** Default form with the CODATA proton-to-electron mass ratio. */
    public CollisionlessDamping(double beta, double alfvenSpeed) {
        this(beta, alfvenSpeed, TurbulenceEnvironment.massRatio(Conventions.ConstantSet.CODATA), Form.YAN_LAZARIAN_FULL);
    }

    @Override
    public double rate(double k, double cosTheta) {
        double c = Math.abs(cosTheta);
        double c2 = c * c;
        if (c2 >= 1.0) {
            return 0.0;
        }
        double bc2 = beta * c2;
        double electron = bc2 > 0 ? electronWeight * Math.exp(-1.0 / (massRatio * bc2)) : 0.0;
        double ion = (form == Form.YAN_LAZARIAN_FULL && bc2 > 0) ? 5.0 * Math.exp(-1.0 / bc2) : 0.0;
        double bracket = electron + ion;
        if (bracket == 0.0) {
            return 0.0;
        }
        return prefactor * (1.0 - c2) / c * k * alfvenSpeed * bracket;
    }

    @Override
    public String label() {
        return "collisionless(" + form + ")";
    }

    public Form form() {
        return form;
    }
}

package org.crdl.runtime.turbulence;

import org.crdl.runtime.units.Constants;

/**
 * Thermal-plasma helpers of the kempski2022 App. A recipe (digest §3.4 and §5.3 re-implementation
 * choices; not printed in the paper): v_th = (k_B T/m_p)^{1/2}, Coulomb mean free path
 * l_mfp = 1e4 cm (T/K)²/(n/cm^-3), and the collisional/collisionless switch at
 * k_∥ l_mfp v_A/v_th = 1 (kempski2022 L606).
 */
final class KempskiPlasma {
    private KempskiPlasma() {
    }

    /** v_th = (k_B T/m_p)^{1/2} [cm/s] */
    static double thermalSpeed(double temperature) {
        return Math.sqrt(Constants.K_B * temperature / Constants.M_P);
    }

    /** l_mfp = 1e4 T²/n [cm] */
    static double meanFreePath(double n, double temperature) {
        return 1e4 * temperature * temperature / n;
    }
}

package org.crdl.runtime.turbulence;

/** MHD mode families that scatter cosmic rays (fornieri2021 §2; slow modes are not included, digest §2.7). */
public enum ModeFamily {
    /** Alfvén modes, anisotropic Goldreich–Sridhar spectrum (fornieri2021 (A9)/(A10)), gyroresonance n = ±1 */
    ALFVEN,
    /** fast magnetosonic modes, isotropic k^{-7/2} tensor (A7), TTD n = 0 and gyroresonance n = ±1 */
    FAST
}

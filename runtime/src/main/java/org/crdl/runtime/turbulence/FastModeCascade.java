package org.crdl.runtime.turbulence;

/**
 * The cascade rate τ_casc^{-1}(k, cos θ) [s^-1] of the fast-mode turbulence, the rate a damping
 * must reach to truncate the spectrum. Pluggable like {@link FastModeDamping} (kempski2022 §6.2
 * digest: the cascade law is a model choice).
 */
@FunctionalInterface
public interface FastModeCascade {
    /** τ_casc^{-1}(k, cos θ) [s^-1] */
    double rate(double k, double cosTheta);

    /**
     * Weak isotropic fast-mode cascade, kempski2022 eq. (24)/(A4) (Yan &amp; Lazarian 2004):
     * τ_casc^{-1} = (k/L)^{1/2} δV²/V_ph with δV = M_A v_A, V_ph = v_A (low β; kempski2022
     * digest §3.4), i.e. (k/L)^{1/2} M_A² v_A. With {@link ViscousDamping} this reproduces
     * fornieri2021 (A19), with {@link CollisionlessDamping.Form#FORNIERI_A18} (A18).
     *
     * @param injectionScale L [cm]
     * @param machAlfven     M_A
     * @param alfvenSpeed    v_A [cm/s]
     */
    static FastModeCascade weakIsotropic(double injectionScale, double machAlfven, double alfvenSpeed) {
        double c = machAlfven * machAlfven * alfvenSpeed / Math.sqrt(injectionScale);
        return (k, cosTheta) -> c * Math.sqrt(k);
    }
}

/**
 * Quasi-linear scattering of cosmic rays by pre-existing MHD turbulence (fornieri2021,
 * kempski2022 App. A): resonance-broadened pitch-angle diffusion D_μμ from fast magnetosonic
 * modes (transit-time damping n = 0, gyroresonance n = ±1) and Alfvén modes (anisotropic
 * Goldreich–Sridhar spectrum), the damping truncation k_max(ξ) of the fast-mode cascade, and the
 * spatial coefficient D_xx = P ∫ dμ v²(1−μ²)²/D_μμ.
 *
 * <h2>Takes</h2>
 * <ul>
 * <li>a {@link org.crdl.runtime.turbulence.TurbulenceEnvironment}: L, M_A, β, v_A, B, the mode
 * families, the fast-mode damping laws ({@link org.crdl.runtime.turbulence.FastModeDamping}, the
 * plug-in point for compiled CRDL laws; built-ins {@link org.crdl.runtime.turbulence.ViscousDamping},
 * {@link org.crdl.runtime.turbulence.CollisionlessDamping},
 * {@link org.crdl.runtime.turbulence.IonNeutralDamping}, with regime switching
 * {@link org.crdl.runtime.turbulence.CollisionalityDamping} and field-line-wandering averaging
 * {@link org.crdl.runtime.turbulence.AngleAveragedDamping}), the cascade rate
 * ({@link org.crdl.runtime.turbulence.FastModeCascade}) and the paper-versus-code
 * {@link org.crdl.runtime.turbulence.Conventions} (fornieri2021 digest §6.4);
 * ready-made ones in {@link org.crdl.runtime.turbulence.Environments};</li>
 * <li>a species ({@link org.crdl.runtime.particles.Species}) and rigidities in GV;</li>
 * <li>{@link org.crdl.runtime.turbulence.QuadratureSettings}.</li>
 * </ul>
 *
 * <h2>Gives</h2>
 * <ul>
 * <li>{@link org.crdl.runtime.turbulence.SpatialDiffusion} per rigidity: D_xx total, from Alfvén
 * modes alone, from fast modes alone [cm²/s], each with an estimated relative quadrature error
 * (kempski2022's κ_turb is the fast-mode D_xx);</li>
 * <li>D_μμ [s^-1] by component at any (R, μ), k_max L(ξ) of the environment.</li>
 * </ul>
 *
 * <pre>
 *   QuasiLinearScattering q = new QuasiLinearScattering(Environments.fornieriDisk(100, 1.0, Conventions.physical()));
 *   List&lt;SpatialDiffusion&gt; curve = q.curve(rigiditiesGV, 2);   // pure per rigidity; 2 threads
 * </pre>
 *
 * Units are cgs ({@link org.crdl.runtime.units.Constants}); errors are
 * {@link org.crdl.runtime.plasma.ModelException}s naming the environment and rigidity; results are
 * never NaN (a family that leaves some pitch angle unscattered gives D = +∞). Depends only on
 * java.base, Commons Math and the runtime's particles/plasma/units packages.
 */
package org.crdl.runtime.turbulence;

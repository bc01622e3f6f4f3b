package org.crdl.runtime.turbulence;

/**
 * D_xx at one rigidity (fornieri2021 eq. (6); kempski2022 (A3) κ_turb), in cm²/s, split by mode
 * family. A family that is absent, or leaves some pitch angle unscattered, gives +∞ (ballistic);
 * a fully non-diffusive μ range under a diffusive criterion gives 0 (CODE-2020 convention).
 *
 * @param rigidityGV     rigidity [GV]
 * @param dxx            D_xx with all present families [cm²/s]
 * @param dxxAlfven      D_xx from Alfvén modes alone [cm²/s]
 * @param dxxFast        D_xx from fast modes alone (TTD + gyroresonance) [cm²/s]
 * @param relError       estimated relative quadrature error of dxx
 * @param relErrorAlfven estimated relative quadrature error of dxxAlfven
 * @param relErrorFast   estimated relative quadrature error of dxxFast
 * @param level          quadrature level of the reported values
 */
public record SpatialDiffusion(double rigidityGV, double dxx, double dxxAlfven, double dxxFast, double relError,
                               double relErrorAlfven, double relErrorFast, int level) {
}

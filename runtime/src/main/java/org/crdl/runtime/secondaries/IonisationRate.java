package org.crdl.runtime.secondaries;

import java.util.List;
import org.crdl.runtime.particles.Kinematics;

/**
 * Cosmic-ray ionisation rate of atomic hydrogen, per H atom [s⁻¹], following hopkins2021 §3.5.5
 * (paper L2613–2625, digest §7):
 * <pre>
 *   ζ_H = 4π (1 + φ) Σ_s ∫_{T_low}^{T_high} J_s(T) σ_s(T) dT,    1 + φ = 1.5,
 *   T_low = 2 MeV/n, T_high = 10⁷ MeV/n
 * </pre>
 * with J_s the intensity of species s [cm⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹] at kinetic energy per nucleon T, and
 * φ = 0.5 the secondary-ionisation factor of the paper (ionisations by the ejected electrons per
 * primary ionisation; not multiplied by the phase-dependent ξ of Indriolo et al. 2009, paper
 * footnote 15).
 *
 * <p><b>Cross section.</b> The Bethe cross section for ionising H by a fast particle of charge Ze and
 * velocity βc, in the form of Spitzer &amp; Tomasko (1968, ApJ 152, 971):
 * <pre>
 *   σ = 1.23×10⁻²⁰ cm² Z² β⁻² [6.2 + log₁₀(β²γ²) − 0.43 β²]
 * </pre>
 * which is the hopkins2021 form 7.63×10⁻²⁰ Z² β⁻² (1 − 0.069 β² + 0.16 log₁₀[(γβ)²]) with the
 * digest's [FLAG] resolved: the paper prints log₁₀[γβ], half the Bethe logarithm. The bracket is
 * Inokuti's (1971, Rev. Mod. Phys. 43, 297) Bethe asymptote for H, M² = 0.283 and C = 4.04, which holds
 * for fast electrons as for protons (it depends only on the projectile's charge and velocity); it is
 * therefore used for every species, e± included, as in the paper. Values for protons: 1.11×10⁻¹⁷
 * (2 MeV), 2.65×10⁻¹⁸ (10 MeV), 3.7×10⁻¹⁹ (100 MeV), 1.03×10⁻¹⁹ cm² (1 GeV).
 *
 * <p><b>Quadrature.</b> Each species' table is integrated over its own grid clipped to
 * [T_low, T_high], with power-law (log–log) interpolation of J between nodes and the 8-point
 * Gauss–Legendre rule per cell in ln T. Energies outside a table contribute nothing: a model grid
 * that starts above 2 MeV/n gives a lower bound (see {@link Result#lowestGeVPerNucleon()}).
 */
public final class IonisationRate {
    /** 1 + φ of hopkins2021 (L2614): secondary ionisations by the knocked-on electrons */
    public static final double SECONDARY_FACTOR = 1.5;
    /** lower end of the integral, 2 MeV/n [GeV/n] */
    public static final double LOWEST_GEV_PER_NUCLEON = 2e-3;
    /** upper end of the integral, 10⁷ MeV/n [GeV/n] */
    public static final double HIGHEST_GEV_PER_NUCLEON = 1e4;

    private IonisationRate() {
    }

    /**
     * One cosmic-ray species: charge number |Z|, rest mass per nucleon (per particle for e±) [GeV], and
     * its intensity J [cm⁻² s⁻¹ sr⁻¹ (GeV/n)⁻¹] on an increasing grid of kinetic energy per nucleon
     * [GeV/n].
     */
    public record Population(String name, int charge, double restMassPerNucleonGeV, double[] kineticEnergyPerNucleonGeV,
                             double[] intensityPerCm2SSrGeVPerNucleon) {
        public Population {
            if (kineticEnergyPerNucleonGeV.length != intensityPerCm2SSrGeVPerNucleon.length) {
                throw new IllegalArgumentException("ionisation rate: " + name + " has " + kineticEnergyPerNucleonGeV.length
                        + " energies but " + intensityPerCm2SSrGeVPerNucleon.length + " intensities");
            }
            if (!(restMassPerNucleonGeV > 0)) {
                throw new IllegalArgumentException("ionisation rate: " + name + " needs a positive rest mass, got "
                        + restMassPerNucleonGeV + " GeV");
            }
        }
    }

    /** ζ_H [s⁻¹] and the energy range per nucleon the tables actually covered inside [T_low, T_high] */
    public record Result(double perHydrogenAtom, double lowestGeVPerNucleon, double highestGeVPerNucleon) {
    }

    /** σ_ion(H) [cm²] of a particle of charge number z and velocity β (Spitzer &amp; Tomasko 1968) */
    public static double crossSectionCm2(int charge, double beta) {
        double b2 = beta * beta;
        double bg2 = b2 / (1 - b2);
        return 1.23e-20 * charge * charge / b2 * (6.2 + Math.log10(bg2) - 0.43 * b2);
    }

    /** σ_ion(H) [cm²] at kinetic energy per nucleon T for a rest mass per nucleon m [GeV] */
    public static double crossSectionCm2(int charge, double restMassPerNucleonGeV, double kineticEnergyPerNucleonGeV) {
        double gamma = 1 + kineticEnergyPerNucleonGeV / restMassPerNucleonGeV;
        return crossSectionCm2(charge, Kinematics.betaFromLorentzFactor(gamma));
    }

    /** ζ_H [s⁻¹] of all populations over hopkins2021's [2 MeV/n, 10⁷ MeV/n] */
    public static Result perHydrogenAtom(List<Population> populations) {
        return perHydrogenAtom(populations, LOWEST_GEV_PER_NUCLEON, HIGHEST_GEV_PER_NUCLEON);
    }

    /** ζ_H [s⁻¹] of all populations over [lo, hi] GeV/n */
    public static Result perHydrogenAtom(List<Population> populations, double loGeVPerNucleon, double hiGeVPerNucleon) {
        double sum = 0;
        double covLo = Double.POSITIVE_INFINITY;
        double covHi = 0;
        for (Population p : populations) {
            double[] t = p.kineticEnergyPerNucleonGeV();
            double[] j = p.intensityPerCm2SSrGeVPerNucleon();
            for (int i = 0; i + 1 < t.length; i++) {
                double a = Math.max(t[i], loGeVPerNucleon);
                double b = Math.min(t[i + 1], hiGeVPerNucleon);
                if (!(b > a)) {
                    continue;
                }
                covLo = Math.min(covLo, a);
                covHi = Math.max(covHi, b);
                final int cell = i;
                sum += Quadrature.panel(x -> {
                    double e = Math.exp(x);
                    return e * interpolate(t, j, cell, e) * crossSectionCm2(p.charge(), p.restMassPerNucleonGeV(), e);
                }, Math.log(a), Math.log(b));
            }
        }
        double zeta = 4 * Math.PI * SECONDARY_FACTOR * sum;
        return covHi > 0 ? new Result(zeta, covLo, covHi) : new Result(0, 0, 0);
    }

    /** J at e inside cell [t_i, t_{i+1}]: power law between the nodes, linear if a node is ≤ 0 */
    private static double interpolate(double[] t, double[] j, int i, double e) {
        if (j[i] > 0 && j[i + 1] > 0) {
            return j[i] * Math.pow(j[i + 1] / j[i], Math.log(e / t[i]) / Math.log(t[i + 1] / t[i]));
        }
        return Math.max(0, j[i] + (j[i + 1] - j[i]) * (e - t[i]) / (t[i + 1] - t[i]));
    }
}

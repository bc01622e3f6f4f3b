package org.crdl.runtime.network;

/**
 * Total inelastic (destruction) cross section of a nucleus on a hydrogen target [mb] as a
 * function of kinetic energy per nucleon [GeV/n]. Helium targets are handled by
 * {@link HeliumScaling}.
 *
 * <p>{@link #standard()} uses:
 * <ul>
 *   <li><b>nuclei, A ≥ 2</b> — the Letaw, Silberberg &amp; Tsao (1983, ApJS 51, 271) fit in the
 *       <b>corrected</b> form of the hopkins2021 digest §3.1(c) [FLAG] (paper L684–689 prints
 *       {@code sin(1.3 − 2.63 ln A)} and a {@code +0.28} exponent; both are typos against Letaw and
 *       the GALPROP implementation):
 *       <pre>
 *   σ(A, T ≥ 2 GeV/n) = 45 A^0.7 [1 + 0.016 sin(5.3 − 2.63 ln A)] mb
 *   σ(A, T &lt; 2 GeV/n) = σ(A, ≥ 2 GeV/n) [1 − 0.62 exp(−T/0.2 GeV) sin(10.9 (T/MeV)^−0.28)]
 *       </pre>
 *       with T the kinetic energy per nucleon; 10.9·1000^−0.28 = 1.5755 is the paper's
 *       "1.57553". Values: σ(12) = 252.4 mb, σ(16) = 308.8 mb at high energy; the low-energy
 *       factor is 1.315 at 10 MeV/n and 0.9958 at 1 GeV/n (digest table). The fit oscillates
 *       below a few MeV/n, where it should not be trusted.</li>
 *   <li><b>protons</b> — the p–p inelastic cross section of Kelner, Aharonian &amp; Bugayov
 *       (2006, PRD 74, 034018, eq. 79): σ = (34.3 + 1.88 L + 0.25 L²)[1 − (E_th/E)^4]² mb with
 *       L = ln(E/1 TeV), E the total proton energy and E_th = 1.22 GeV (pion threshold);
 *       zero below threshold. Letaw's fit is for nuclei and does not apply to protons.</li>
 * </ul>
 */
@FunctionalInterface
public interface InelasticCrossSection {

    /** σ_inel on hydrogen [mb] of {@code nuclide} at kinetic energy per nucleon {@code ekGeVPerNucleon} */
    double hydrogenMb(Nuclide nuclide, double ekGeVPerNucleon);

    /** Letaw (corrected) for A ≥ 2, Kelner 2006 for protons; see the interface comment. */
    static InelasticCrossSection standard() {
        return (n, ek) -> n.a() <= 1 ? protonKelner2006Mb(ek) : letaw1983Mb(n.a(), ek);
    }

    /** Letaw et al. (1983), corrected form (hopkins2021 digest §3.1(c) [FLAG]) [mb]. */
    static double letaw1983Mb(int massNumber, double ekGeVPerNucleon) {
        double a = massNumber;
        double high = 45.0 * Math.pow(a, 0.7) * (1.0 + 0.016 * Math.sin(5.3 - 2.63 * Math.log(a)));
        return ekGeVPerNucleon >= 2.0 ? high : high * letawLowEnergyFactor(ekGeVPerNucleon);
    }

    /** The low-energy factor 1 − 0.62 exp(−T/0.2 GeV) sin(10.9 (T/MeV)^−0.28), T in GeV/n. */
    static double letawLowEnergyFactor(double ekGeVPerNucleon) {
        double tMeV = 1e3 * ekGeVPerNucleon;
        return 1.0 - 0.62 * Math.exp(-ekGeVPerNucleon / 0.2) * Math.sin(10.9 * Math.pow(tMeV, -0.28));
    }

    /** Kelner, Aharonian &amp; Bugayov (2006) eq. 79, p–p inelastic [mb]; 0 below threshold. */
    static double protonKelner2006Mb(double ekGeV) {
        double mpGeV = 0.9382720813;
        double eTotal = ekGeV + mpGeV;
        double eThreshold = 1.22;
        if (eTotal <= eThreshold) {
            return 0.0;
        }
        double l = Math.log(eTotal / 1000.0);
        double t = 1.0 - Math.pow(eThreshold / eTotal, 4);
        return (34.3 + 1.88 * l + 0.25 * l * l) * t * t;
    }
}

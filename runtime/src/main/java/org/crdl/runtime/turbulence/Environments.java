package org.crdl.runtime.turbulence;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Constants;

/**
 * The environments of the papers, with their sources.
 * <ul>
 * <li>fornieri2021 halo and extended disk with the paper-era code values (digest §3.2, §6.1):
 * L = 100 pc, M_A = 1, v_A = 10 km/s, B = 1 μG; halo β = 0.1, collisionless damping only,
 * region 5100 pc; disk β = 0.14, viscous (x_c = 1e6, β ≪ 1 branch) + collisionless, region 900 pc.
 * The collisionless rate is the (A18)-normalised one ({@link CollisionlessDamping.Form#FORNIERI_A18}).</li>
 * <li>kempski2022 phases (digest §3.2, §3.4): fast modes only, θ-averaged (A7) damping that is
 * viscous (A5) for k_∥ l_mfp v_A/v_th &lt; 1 and collisionless (A6, full form) otherwise;
 * β = 8π n k_B T/B² and v_A = B/(4π n m_p)^{1/2} from {@link PlasmaQuantity}.</li>
 * </ul>
 */
public final class Environments {
    private Environments() {
    }

    /** fornieri2021 halo (digest §3.2 halo notebook) at injection scale L [pc] and M_A. */
    public static TurbulenceEnvironment fornieriHalo(double injectionScalePc, double machAlfven, Conventions c) {
        double l = injectionScalePc * Constants.PC;
        double beta = 0.1;
        double va = 1e6;
        double b = 1e-6;
        List<FastModeDamping> damping = List.of(new CollisionlessDamping(beta, va,
                TurbulenceEnvironment.massRatio(c.constants()), CollisionlessDamping.Form.FORNIERI_A18));
        return new TurbulenceEnvironment("fornieri2021 halo (L=" + injectionScalePc + " pc, M_A=" + machAlfven + ")",
                l, machAlfven, beta, va, b, EnumSet.allOf(ModeFamily.class), damping,
                FastModeCascade.weakIsotropic(l, machAlfven, va), TurbulenceEnvironment.alfvenCutoff(b, c.constants()),
                5100 * Constants.PC, c);
    }

    /** fornieri2021 extended disk / WIM (digest §3.2 disk notebook) at L [pc] and M_A. */
    public static TurbulenceEnvironment fornieriDisk(double injectionScalePc, double machAlfven, Conventions c) {
        double l = injectionScalePc * Constants.PC;
        double beta = 0.14;
        double va = 1e6;
        double b = 1e-6;
        double xc = 1e6;
        List<FastModeDamping> damping = List.of(
                ViscousDamping.fromTruncationScale(xc, l, machAlfven, va, ViscousDamping.Branch.LOW_BETA),
                new CollisionlessDamping(beta, va, TurbulenceEnvironment.massRatio(c.constants()),
                        CollisionlessDamping.Form.FORNIERI_A18));
        return new TurbulenceEnvironment("fornieri2021 disk (L=" + injectionScalePc + " pc, M_A=" + machAlfven + ")",
                l, machAlfven, beta, va, b, EnumSet.allOf(ModeFamily.class), damping,
                FastModeCascade.weakIsotropic(l, machAlfven, va), TurbulenceEnvironment.alfvenCutoff(b, c.constants()),
                900 * Constants.PC, c);
    }

    /** The halo with the authors' code conventions ({@link Conventions#code2020Halo()}), L = 100 pc, M_A = 1. */
    public static TurbulenceEnvironment fornieriHaloCode2020() {
        return fornieriHalo(100, 1.0, Conventions.code2020Halo());
    }

    /** The disk with the authors' code conventions ({@link Conventions#code2020Disk()}), L = 100 pc, M_A = 1. */
    public static TurbulenceEnvironment fornieriDiskCode2020() {
        return fornieriDisk(100, 1.0, Conventions.code2020Disk());
    }

    /**
     * A kempski2022 App. A phase: fast-mode turbulence of Mach number M_A injected at L [pc] in a
     * fully ionised phase with n [cm^-3], T [K], B [G].
     */
    public static TurbulenceEnvironment kempski(String name, double n, double temperature, double fieldGauss,
                                                double machAlfven, double injectionScalePc) {
        PhaseState phase = new PhaseState(name, Map.of("n", n, "T", temperature, "B", fieldGauss));
        double beta = PlasmaQuantity.BETA_PLASMA.of(phase, null);
        double va = PlasmaQuantity.V_A_IDEAL.of(phase, null);
        FastModeDamping damping = new AngleAveragedDamping(
                CollisionalityDamping.kempski(n, temperature, beta, va), injectionScalePc * Constants.PC, machAlfven);
        return fromPhase(phase, machAlfven, injectionScalePc, EnumSet.of(ModeFamily.FAST), List.of(damping), Double.NaN,
                Conventions.physical());
    }

    /**
     * A generic environment for a phase: β = 8π n k_B T/B² and v_A = B/(4πρ)^{1/2} from the phase
     * fields n, T, B through {@link PlasmaQuantity} (phase fields named beta_plasma or v_A_ideal
     * override them), the weak isotropic cascade, and the (A16) Alfvén cutoff.
     *
     * @param injectionScalePc L [pc]
     * @param damping          fast-mode damping laws (e.g. compiled CRDL laws)
     */
    public static TurbulenceEnvironment fromPhase(PhaseState phase, double machAlfven, double injectionScalePc,
                                                  Set<ModeFamily> modes, List<FastModeDamping> damping,
                                                  double regionSizePc, Conventions c) {
        double beta = PlasmaQuantity.BETA_PLASMA.of(phase, null);
        double va = PlasmaQuantity.V_A_IDEAL.of(phase, null);
        double b = phase.field("B");
        double l = injectionScalePc * Constants.PC;
        return new TurbulenceEnvironment(phase.name(), l, machAlfven, beta, va, b, modes, damping,
                FastModeCascade.weakIsotropic(l, machAlfven, va), TurbulenceEnvironment.alfvenCutoff(b, c.constants()),
                regionSizePc * Constants.PC, c);
    }

    /** kempski2022 Sec. 4.2 fiducial warm ISM (L326): n = 0.2, T = 1e4 K, B = 6 μG, Ma = 0.6, L = 50 pc. */
    public static TurbulenceEnvironment kempskiWarmIsm() {
        return kempski("kempski2022 warm ISM (Sec. 4.2)", 0.2, 1e4, 6e-6, 0.6, 50);
    }

    /** kempski2022 Fig. 3 warm ISM (L236): n = 0.1, T = 2e4 K, B = 6 μG, Ma = 1, L = 100 pc. */
    public static TurbulenceEnvironment kempskiFig3Warm() {
        return kempski("kempski2022 Fig. 3 warm ISM", 0.1, 2e4, 6e-6, 1.0, 100);
    }

    /** kempski2022 Fig. 3 low-β halo (L236): n = 0.001, T = 2e6 K, B = 6 μG, Ma = 1, L = 100 pc. */
    public static TurbulenceEnvironment kempskiFig3Halo() {
        return kempski("kempski2022 Fig. 3 low-beta halo", 0.001, 2e6, 6e-6, 1.0, 100);
    }
}

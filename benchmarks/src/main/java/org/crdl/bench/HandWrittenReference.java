package org.crdl.bench;

import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.plasma.PlasmaQuantity;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringInfo;
import org.crdl.runtime.waves.ScatteringModel;

/**
 * The hopkins2022 reference scattering block (models/hopkins2022/reference.crdl with the laws
 * of models/hopkins2022/laws.crdl at default parameters) written by hand, as a careful Java
 * programmer would: the e-independent parts computed once in bind(). The benchmark's
 * "hand-written" baseline; a test checks it agrees with the interpreter.
 */
public final class HandWrittenReference implements ScatteringModel {
    private static final ScatteringInfo INFO = ScatteringInfo.of("hopkins2022_reference", "reference",
            new String[] {"self_confinement", "extrinsic_cascade"}, new String[] {"ion_neutral", "dust", "turb", "nll"},
            0.75, false, "total");
    private static final double PSI_D = 1.0;
    private static final double F_DG_REF = 1.0;

    private double sources;
    private double linearDamping;
    private double nllPerE;
    private double selfConfinement;
    private double cascade;
    private double ionNeutral;
    private double dust;
    private double turb;

    @Override
    public String name() {
        return "reference";
    }

    @Override
    public ScatteringInfo info() {
        return INFO;
    }

    @Override
    public void bind(PhaseState phase, Resonance res, CrState cr) {
        double k = res.kPar();
        double ellA = phase.field("ell_A");
        double vEff = PlasmaQuantity.V_A_EFF.of(phase, res);
        double vIdeal = PlasmaQuantity.V_A_IDEAL.of(phase, res);
        double cs = PlasmaQuantity.C_S.of(phase, res);
        double eB = PlasmaQuantity.E_B.of(phase, res);
        double kl = k * ellA;
        double sqrtKl = Math.sqrt(kl);
        selfConfinement = vEff * cr.pCr() / cr.ellGrad();
        double alphaT = 7 * (vEff / Constants.C) * Math.log(kl);
        cascade = alphaT * eB * (vIdeal / ellA * sqrtKl) / kl;
        ionNeutral = 1e-9 * PlasmaQuantity.F_NEUTRAL.of(phase, res) * Math.sqrt(phase.field("T") / 1000.0)
                * (PlasmaQuantity.RHO.of(phase, res) / 1e-24);
        double kd = 7.4e-11 * Math.sqrt(phase.field("n")) * PSI_D;
        double xiD = k < kd ? 0.25 : 0.5;
        dust = 0.02 * k * vEff * (phase.field("f_dg") / F_DG_REF) * Math.pow(k / kd, -xiD);
        turb = (vIdeal + 0.4 * cs) / ellA * sqrtKl;
        nllPerE = Math.sqrt(Math.PI) / 8 * cs * k / eB;
        sources = selfConfinement + cascade;
        linearDamping = ionNeutral + dust + turb;
    }

    @Override
    public double sourceRate(double e) {
        return sources;
    }

    @Override
    public double dampingRate(double e) {
        return linearDamping + nllPerE * e;
    }

    @Override
    public double[] terms(double e) {
        return new double[] {selfConfinement, cascade, ionNeutral, dust, turb, nllPerE * e};
    }

    @Override
    public double nu() {
        throw new UnsupportedOperationException("not phenomenological");
    }
}

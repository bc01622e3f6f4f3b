package org.crdl.runtime.structures;

import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.particles.Resonance;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.plasma.PhaseModel;
import org.crdl.runtime.plasma.PhaseState;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.CrState;
import org.crdl.runtime.waves.ScatteringInfo;
import org.crdl.runtime.waves.ScatteringModel;

/**
 * A scattering block made of structure populations (butsky2024 digest §5.2): at each rigidity
 * <pre>
 *   ⟨ν⟩_eff(R) = ν_bg(R) + v Σ_classes ∫ |dn_s/dℓ| A_s w(τ_s) Θ(ℓ_S − r_g) dℓ
 * </pre>
 * with every population evaluated in its own background phase (r_g = R/B of that phase), and
 * the background block (if any) in the first population's phase. It is an ordinary
 * phenomenological {@link ScatteringModel}, so `crdl rates`, `crdl run` and any transport that
 * takes a scattering block use it unchanged.
 *
 * <p>Trapping delay (digest §5.2 item 3, derived from Eqs. 5–6): a cosmic ray spends the fraction
 * τ_s f_V = Σ∫ |dn_s/dℓ| V_s τ_s w dℓ of its time inside patches, so its residence time is
 * multiplied by (1 + τ_s f_V). With {@code trapping_delay = on} (the default) {@link #nu()} is
 * ⟨ν⟩_eff (1 + τ_s f_V), which lengthens t_res = H²/2D by that factor in any diffusion transport;
 * with {@code off} it is ⟨ν⟩_eff. The patch grammage fraction f_M τ_s (grammage accumulated
 * inside patches per unit inter-patch grammage) is reported, not applied.
 */
public class PatchyScattering implements ScatteringModel {
    private final ScatteringInfo info;
    private final Structure[] structures;
    private final PhaseModel[] phases;
    private final ScatteringModel background;
    private final Weight weight;
    private final boolean trappingDelay;
    private final double residenceTime;
    private Breakdown current;

    /**
     * @param background    the continuous inter-patch block, or null
     * @param weight        "step" (the paper's τ ≥ 1) or "exponential" (1 − e^−τ)
     * @param residenceTime residence time [s] for N_scat where the transport does not give one
     */
    public PatchyScattering(String model, String name, Structure[] structures, PhaseModel[] phases,
                            ScatteringModel background, String weight, boolean trappingDelay, double residenceTime) {
        if (structures.length == 0 || structures.length != phases.length) {
            throw new IllegalArgumentException("one phase per structure, at least one structure");
        }
        this.info = new ScatteringInfo(model, name, List.of(), List.of(), 0.75, true, "total");
        this.structures = structures.clone();
        this.phases = phases.clone();
        this.background = background;
        this.weight = Weight.byKeyword(weight);
        this.trappingDelay = trappingDelay;
        this.residenceTime = residenceTime;
    }

    /** What one population contributes at one rigidity. */
    public record Population(String name, double nu, double filling, double massFraction, double tauMin,
                             double trapped, double smallestEligible, double gyroradius, boolean eligible) {
    }

    /**
     * Everything `crdl rates` reports for a structure block at one rigidity (cgs):
     * ν_patch, ν_bg, ⟨ν⟩_eff, ℓ_mfp = v/⟨ν⟩_eff (Eq. 2), f_V and f_M of the structures that scatter
     * at R (Eqs. 10–11), the smallest τ_s among them, τ_s f_V (trapped fraction) and f_M τ_s
     * (patch grammage fraction), and N_scat = t_res ⟨ν⟩_eff (L230).
     */
    public record Breakdown(double rigidityGV, double speed, double nuPatch, double nuBackground, double trapped,
                            double patchGrammage, double filling, double massFraction, double tauMin,
                            double residenceTime, List<Population> populations) {
        public Breakdown {
            populations = List.copyOf(populations);
        }

        public double nuEffective() {
            return nuPatch + nuBackground;
        }

        /** ℓ_mfp = v/⟨ν⟩_eff [cm]; infinite without scattering. */
        public double meanFreePath() {
            return nuEffective() > 0 ? speed / nuEffective() : Double.POSITIVE_INFINITY;
        }

        public double scatterings() {
            return residenceTime * nuEffective();
        }
    }

    @Override
    public String name() {
        return info.name();
    }

    @Override
    public ScatteringInfo info() {
        return info;
    }

    public Weight weight() {
        return weight;
    }

    public boolean trappingDelay() {
        return trappingDelay;
    }

    /** The residence time [s] used for N_scat when the transport gives none. */
    public double residenceTime() {
        return residenceTime;
    }

    public int size() {
        return structures.length;
    }

    public StructureInfo structure(int i) {
        return structures[i].info();
    }

    public boolean hasBackground() {
        return background != null;
    }

    /** Bind at the rigidity of {@code res}; the phase and CR state of the caller are not used (each population has its own phase). */
    @Override
    public void bind(PhaseState phase, Resonance res, CrState cr) {
        bindAt(res.species(), res.rigidity());
    }

    /** Bind every population at rigidity R [statV] and integrate; the result is also kept for {@link #breakdown()}. */
    public Breakdown bindAt(Species species, double rigidityStatV) {
        List<Population> pops = new ArrayList<>();
        double nuPatch = 0;
        double trapped = 0;
        double grammage = 0;
        double filling = 0;
        double mass = 0;
        boolean anyMass = false;
        double tauMin = Double.NaN;
        double speed = Double.NaN;
        PhaseState firstState = null;
        Resonance firstRes = null;
        for (int i = 0; i < structures.length; i++) {
            Structure s = structures[i];
            PhaseState state = phases[i].at(species, rigidityStatV);
            Resonance res = Resonance.of(species, rigidityStatV, state.fieldOr("B", Double.NaN));
            PhaseModel phase = phases[i];
            java.util.function.Supplier<String> where = () -> "model " + info.model() + ", scattering " + info.name()
                    + ", structure " + s.info().name() + " in phase " + phase.name() + ", " + res;
            if (i == 0) {
                firstState = state;
                firstRes = res;
                speed = res.speed();
            }
            s.bind(state, res);
            double rg = res.gyroradius();
            SizeIntegral.Result r = SizeIntegral.compute(s, rg, weight, where);
            double nu = res.speed() * r.nuPerSpeed();
            pops.add(new Population(s.info().name(), nu, r.filling(), r.massFraction(), r.tauMin(), r.trapped(),
                    r.smallestEligible(), rg, r.eligible()));
            nuPatch += nu;
            trapped += r.trapped();
            filling += r.filling();
            if (s.info().hasDensity()) {
                anyMass = true;
                mass += r.massFraction();
                // per crossing a CR traverses ρ_s/ρ_ISM times more gas than outside, for the trapped fraction of time
                grammage += r.eligible() && r.filling() > 0 ? r.trapped() * r.massFraction() / r.filling() : 0;
            }
            if (r.eligible() && !(r.tauMin() >= tauMin)) {
                tauMin = r.tauMin();
            }
        }
        double nuBg = 0;
        if (background != null) {
            background.bind(firstState, firstRes, CrState.fromPhase(firstState, firstRes));
            nuBg = background.nu();
            if (!(nuBg >= 0) || Double.isInfinite(nuBg)) {
                throw new ModelException("model " + info.model() + ", scattering " + info.name() + ": the background "
                        + background.name() + " gives nu = " + nuBg + " s^-1 at " + firstRes);
            }
        }
        current = new Breakdown(rigidityStatV / Constants.GV, speed, nuPatch, nuBg, trapped,
                anyMass ? grammage : Double.NaN, filling, anyMass ? mass : Double.NaN, tauMin, residenceTime, pops);
        return current;
    }

    /** The breakdown at the last bound rigidity. */
    public Breakdown breakdown() {
        if (current == null) {
            throw new IllegalStateException("bind first");
        }
        return current;
    }

    @Override
    public double sourceRate(double e) {
        return 0.0;
    }

    @Override
    public double dampingRate(double e) {
        return 0.0;
    }

    @Override
    public double[] terms(double e) {
        return new double[0];
    }

    /** ⟨ν⟩_eff, times (1 + τ_s f_V) with the trapping delay on [s^-1]. */
    @Override
    public double nu() {
        Breakdown b = breakdown();
        return b.nuEffective() * (trappingDelay ? 1 + b.trapped() : 1);
    }
}

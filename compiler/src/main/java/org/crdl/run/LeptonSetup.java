package org.crdl.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;
import org.crdl.ir.Galaxy;
import org.crdl.ir.Node;
import org.crdl.runtime.leptons.LeptonLosses;
import org.crdl.runtime.leptons.RadiationField;
import org.crdl.runtime.leptons.SpeciesLosses;
import org.crdl.runtime.network.ContinuousLoss;
import org.crdl.runtime.network.Network;
import org.crdl.runtime.network.Nuclide;

/**
 * The lepton parts of a galaxy: its {@code radiation} block as a {@link RadiationField} and the continuous losses
 * of a network with electrons or positrons ({@link SpeciesLosses}).
 */
final class LeptonSetup {
    private LeptonSetup() {
    }

    /** the galaxy's fields: its {@code radiation} block, or {@link RadiationField#solarNeighbourhood()} */
    static RadiationField field(Optional<Galaxy.Radiation> radiation, ToDoubleFunction<Node> constant) {
        RadiationField solar = RadiationField.solarNeighbourhood();
        if (radiation.isEmpty()) {
            return solar;
        }
        Galaxy.Radiation r = radiation.get();
        List<RadiationField.GreyBody> bodies = new ArrayList<>();
        if (r.cmb()) {
            bodies.add(RadiationField.cmb());
        }
        if (r.solarIsrf()) {
            solar.components().stream().filter(c -> !c.name().equals("cmb")).forEach(bodies::add);
        }
        for (Galaxy.GreyBody g : r.greyBodies()) {
            bodies.add(new RadiationField.GreyBody(g.name(), constant.applyAsDouble(g.energyDensity()),
                    constant.applyAsDouble(g.temperature())));
        }
        double b = r.magneticField().map(constant::applyAsDouble).orElse(solar.magneticField());
        return new RadiationField(b, bodies);
    }

    /**
     * {@code nuclear} for a network of nuclei (and antiprotons); with electrons or positrons the lepton losses in the
     * galaxy's fields, synchrotron and IC weighted by {@code radiativeWeight} ({@link LeptonLosses.HaloWeight#flatHalo} in a flat halo, 1 in a leaky box)
     */
    static ContinuousLoss losses(ContinuousLoss nuclear, boolean on, Galaxy.Def g, Network network,
                                 ToDoubleFunction<Node> constant, LeptonLosses.HaloWeight radiativeWeight) {
        if (!on) {
            return ContinuousLoss.NONE;
        }
        boolean leptons = network.nuclides().stream().map(Nuclide::species).anyMatch(s -> s.isLepton());
        if (!leptons) {
            return nuclear;
        }
        return new SpeciesLosses(nuclear, new LeptonLosses(field(g.radiation(), constant), radiativeWeight));
    }

    /** the flat-halo weight of the radiative losses with the electrons' D(T) (the same law for positrons) */
    static LeptonLosses.HaloWeight flatHaloWeight(double haloHalfHeight, double diskHalfThickness,
                                                   org.crdl.runtime.transport.Diffusion d) {
        org.crdl.runtime.particles.Species e = org.crdl.runtime.particles.Species.byName(
                org.crdl.runtime.particles.Species.ELECTRON).orElseThrow();
        return LeptonLosses.HaloWeight.flatHalo(haloHalfHeight, diskHalfThickness, t -> d.checked(e,
                org.crdl.runtime.particles.Kinematics.rigidityFromEkPerNucleon(e, t) / org.crdl.runtime.units.Constants.GV,
                "flat_halo"));
    }
}

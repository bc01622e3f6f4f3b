package org.crdl.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.secondaries.IonisationRate;
import org.crdl.runtime.units.Constants;

/**
 * The cosmic-ray ionisation rate of atomic hydrogen ζ_H [s⁻¹ per H atom] from a run's local
 * interstellar spectra ({@link IonisationRate}, hopkins2021 §3.5.5): every charged species the run
 * transports contributes with its charge and velocity, on its own grid clipped to 2 MeV/n–10 TeV/n.
 */
public final class Ionisation {
    private static final double M2_TO_CM2 = 1e-4;

    private Ionisation() {
    }

    /** ζ_H of the run's LIS and the range of kinetic energy per nucleon the spectra covered */
    public static IonisationRate.Result of(Spectra spectra) {
        List<IonisationRate.Population> populations = new ArrayList<>();
        for (String name : spectra.species()) {
            Optional<Species> found = Species.byName(name);
            if (found.isEmpty() || found.get().charge() == 0) {
                continue;
            }
            Species s = found.get();
            double restMassPerNucleonGeV = s.mass() * Constants.C * Constants.C / Constants.GEV / Math.max(1, s.massNumber());
            double[] lis = spectra.lis(name);   // m^-2 s^-1 sr^-1 (GeV/n)^-1
            double[] j = new double[lis.length];
            for (int k = 0; k < lis.length; k++) {
                j[k] = lis[k] * M2_TO_CM2;
            }
            populations.add(new IonisationRate.Population(name, Math.abs(s.charge()), restMassPerNucleonGeV,
                    spectra.ek(name), j));
        }
        return IonisationRate.perHydrogenAtom(populations);
    }
}

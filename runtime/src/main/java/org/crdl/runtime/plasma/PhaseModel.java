package org.crdl.runtime.plasma;

import java.util.Map;
import org.crdl.runtime.particles.Species;

/**
 * A compiled (or interpreted) `phase` declaration. Fields that depend on the rigidity (for
 * example e_cr = 0.6 [eV cm^-3] (R / 1 [GV])^-0.7) are evaluated per species and rigidity;
 * all others once.
 */
public interface PhaseModel {

    String name();

    /** All fields of the phase, in cgs, for this species at rigidity R [statV]. */
    PhaseState at(Species species, double rigidityStatV);

    /** The phase of a model without phases: no fields (for laws of the rigidity only). */
    static PhaseModel none() {
        return new PhaseModel() {
            @Override
            public String name() {
                return "none";
            }

            @Override
            public PhaseState at(Species species, double rigidityStatV) {
                return new PhaseState("none", Map.of());
            }
        };
    }
}

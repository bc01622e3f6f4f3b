package org.crdl.ir;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.crdl.diag.SourceSpan;
import org.crdl.runtime.turbulence.Conventions;
import org.crdl.runtime.turbulence.ModeFamily;

/**
 * A checked {@code environment} block: the turbulence a cosmic ray scatters on (crdl turbulence).
 * L, M_A and the region size default to the phase fields L_inj, M_A and L_region; β and v_A
 * come from the phase (its beta_plasma and v_A_ideal, derived or overridden) unless given.
 * Damping laws are CRDL laws of the fast-mode wavevector (k, cos_theta).
 */
public record Environment(String name, String phase, Node injectionScale, Node machAlfven, Optional<Node> beta,
                          Optional<Node> alfvenSpeed, Set<ModeFamily> modes, List<String> damping,
                          Optional<Node> regionSize, Conventions conventions, boolean angleAverage, SourceSpan span) {
    public Environment {
        modes = Set.copyOf(modes);
        damping = List.copyOf(damping);
    }
}

package org.crdl.runtime.structures;

import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.units.Constants;
import org.crdl.runtime.waves.Rates;

/**
 * A structure block over a rigidity grid: the breakdown at each R, δ_s = −d ln(⟨ν⟩_eff/β)/d ln R
 * from the grid (as {@link Rates}), and the V1–V10 findings.
 */
public final class StructureRates {
    private StructureRates() {
    }

    public record Table(List<PatchyScattering.Breakdown> rows, double[] deltaS, List<Validation.Finding> findings) {
    }

    public static Table compute(PatchyScattering block, Species species, double[] rigiditiesGV) {
        List<PatchyScattering.Breakdown> rows = new ArrayList<>();
        double[] y = new double[rigiditiesGV.length];
        for (int i = 0; i < rigiditiesGV.length; i++) {
            PatchyScattering.Breakdown b = block.bindAt(species, rigiditiesGV[i] * Constants.GV);
            rows.add(b);
            y[i] = b.nuEffective() > 0 ? Math.log(b.nuEffective() / (b.speed() / Constants.C)) : Double.NaN;
        }
        double[] delta = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            delta[i] = y.length >= 2 ? -Rates.slope(rigiditiesGV, y, i) : Double.NaN;
        }
        return new Table(rows, delta, Validation.check(block, rows, delta));
    }
}

package org.crdl.runtime.transport.evolve;

import java.util.function.DoubleUnaryOperator;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * Initial CR state of an evolution (hopkins2022 Sec. 4.4.2, L397, L454): {@code normal} is the
 * reference spectrum e'_cr = 0.6 eV cm⁻³ (R/GV)^−0.7 at the mid-plane (L846, the observed local
 * value), {@code low} is that ×10⁻³, {@code high} is a flat spectrum (e'_cr independent of R)
 * carrying 10× the total energy of {@code normal} over the rigidity grid, {@code user} is a
 * spectrum from the model. Every start has the same vertical shape: constant in the disk,
 * falling linearly to zero at the free-escape boundary H.
 */
public record Start(String label, DoubleUnaryOperator midplaneSpectrum) {

    /** e'_cr(R) [erg cm⁻³] of the reference ("normal") start at rigidity R [GV] (hopkins2022 L846) */
    public static double reference(double rigidityGV) {
        return 0.6 * Constants.EV * Math.pow(rigidityGV, -0.7);
    }

    public static Start normal() {
        return new Start("normal", Start::reference);
    }

    public static Start low() {
        return new Start("low", r -> 1e-3 * reference(r));
    }

    /** flat in R with 10× the normal start's energy ∫ e'_cr d ln R over [lo, hi] GV (L454) */
    public static Start high(double loGV, double hiGV) {
        double total = 0.6 * Constants.EV * (Math.pow(loGV, -0.7) - Math.pow(hiGV, -0.7)) / 0.7;
        double flat = 10 * total / Math.log(hiGV / loGV);
        return new Start("high", r -> flat);
    }

    public static Start user(DoubleUnaryOperator spectrum) {
        return new Start("user", spectrum);
    }

    /** the start called {@code name} (normal, low, high) on the grid [lo, hi] GV */
    public static Start named(String name, double loGV, double hiGV) {
        return switch (name) {
            case "normal" -> normal();
            case "low" -> low();
            case "high" -> high(loGV, hiGV);
            default -> throw new ModelException("start is normal, low, high or user, not '" + name + "'");
        };
    }
}

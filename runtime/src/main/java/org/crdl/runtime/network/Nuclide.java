package org.crdl.runtime.network;

import java.util.Objects;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;

/**
 * One entry of the nuclide table: a {@link Species} (charge Z, mass number A, rest mass) plus
 * its rest-frame half-life and decay product.
 *
 * <p>Radioactive decay in flight (hopkins2021 digest §3.1(d), paper L691–693):
 * {@code df/dt = −f ln2 / (γ t_1/2)}; the half-life is the rest-frame value and the lifetime is
 * dilated by the Lorentz factor γ. The decay product keeps the kinetic energy per nucleon (β-decay
 * and electron capture change A by zero).
 *
 * @param species      charge, mass number and mass of the nucleus
 * @param halfLife     rest-frame half-life [s]; {@link Double#POSITIVE_INFINITY} for stable nuclides
 * @param decayProduct name of the daughter nuclide, or {@code null} when stable
 */
public record Nuclide(Species species, double halfLife, String decayProduct) {

    public Nuclide {
        Objects.requireNonNull(species, "species");
        if (!(halfLife > 0)) {
            throw new ModelException("nuclide " + species.name() + ": half-life must be positive, got " + halfLife + " s");
        }
        if (Double.isInfinite(halfLife) != (decayProduct == null)) {
            throw new ModelException("nuclide " + species.name()
                    + ": a decay product is required exactly when the half-life is finite");
        }
    }

    /** A stable nuclide. */
    public static Nuclide stable(Species species) {
        return new Nuclide(species, Double.POSITIVE_INFINITY, null);
    }

    /** A radioactive nuclide with rest-frame half-life [s] decaying to {@code product}. */
    public static Nuclide radioactive(Species species, double halfLifeSeconds, String product) {
        return new Nuclide(species, halfLifeSeconds, Objects.requireNonNull(product, "product"));
    }

    public String name() {
        return species.name();
    }

    /** charge number Z */
    public int z() {
        return species.charge();
    }

    /**
     * nucleons per unit of the transport's energy variable: the mass number A of a nucleus, 1 for
     * the leptons (their energy is per particle, "GeV/n" reads GeV); ≥ 1 for every nuclide
     */
    public int a() {
        return Math.max(1, species.massNumber());
    }

    /** false for electrons, positrons and antiprotons (see {@link Species#isNucleus}) */
    public boolean isNucleus() {
        return species.isNucleus();
    }

    public boolean isStable() {
        return Double.isInfinite(halfLife);
    }

    /** rest-frame mean life τ = t_1/2 / ln 2 [s]; infinite when stable */
    public double meanLife() {
        return halfLife / Math.log(2.0);
    }

    /** decay rate in the Galaxy frame, ln2 / (γ t_1/2) [s^-1]; zero when stable */
    public double decayRate(double lorentzGamma) {
        return isStable() ? 0.0 : Math.log(2.0) / (lorentzGamma * halfLife);
    }

    /** A copy with another half-life (keeps the decay product; the nuclide must be radioactive). */
    public Nuclide withHalfLife(double halfLifeSeconds) {
        if (isStable()) {
            throw new ModelException("nuclide " + name() + " is stable; give a decay product to make it radioactive");
        }
        return new Nuclide(species, halfLifeSeconds, decayProduct);
    }
}

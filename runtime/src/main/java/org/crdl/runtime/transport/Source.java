package org.crdl.runtime.transport;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.crdl.runtime.network.NuclideTable;
import org.crdl.runtime.particles.Kinematics;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;
import org.crdl.runtime.units.Constants;

/**
 * Cosmic-ray sources in the Galactic disk: spectrum shape per species, relative abundances and
 * an absolute normalization from an event rate times an energy per event spread over the disk area.
 * Immutable.
 *
 * <p><b>Definition.</b> For species i, the number injected per unit disk area, time and unit x
 * (both sides of the disk together) is
 * <pre>  dN_i/dx = a_i K x² s_i(x)   [cm⁻² s⁻¹ per GV or per GeV/c/n]  </pre>
 * with s_i the {@link InjectionSpectrum} shape (phase-space slope γ, hence the x²), x = R [GV] or
 * p/A [GeV/c/n], and a_i the abundance: the ratio of injected numbers per unit x at equal x
 * (for x = p/A this equals the ratio of dN/dE_n at equal E_n). The constant K follows from
 * <pre>  Σ_i ∫ dx (dN_i/dx) T_i(x) = ν E / A_disk  </pre>
 * (kinetic energy T; kempski2022 digest §3.3 step 1: 2Q·A_disk = ν_SN E_SN φ with
 * ∫4πp²T φ dp = 1, A_disk = π r², r = 10 kpc). The integral runs over all x, split at the breaks,
 * by Gauss–Legendre quadrature in ln x from 10⁻⁷ to 10⁹ plus analytic tails (non-relativistic
 * T = p²/2m below, T = pc above); it diverges, and a {@link ModelException} says so, unless the
 * lowest slope is &lt; 5 and the highest &gt; 4 — or set a finite {@link Builder#range}.
 * Check (test): protons only, 1 SN per century × 10⁵⁰ erg, r = 10 kpc, γ = 4.3 gives
 * Q(p) = 4.94×10³⁵ (p/GeV c⁻¹)^−4.3 per side in f-units × cm s⁻¹ (kempski2022 digest [re-impl]).
 */
public final class Source {
    private static final double X_LO = 1e-7;
    private static final double X_HI = 1e9;

    private final double eventRate;
    private final double energyPerEvent;
    private final double area;
    private final Map<String, InjectionSpectrum> spectra;
    private final Map<String, Double> abundances;
    private final InjectionSpectrum defaultSpectrum;
    private final double xMin;
    private final double xMax;
    private final double k;
    /** species injected with their own share of the power (electrons: hopkins2021's ε_e ≈ 0.02) → K_s */
    private final Map<String, Double> fractionK;
    /** tabulated extra sources (secondaries) per species: {E_n [erg], rate [cm⁻² s⁻¹ erg⁻¹]} */
    private final Map<String, double[][]> tabulated;

    private Source(Source base, Map<String, double[][]> tabulated) {
        this.eventRate = base.eventRate;
        this.energyPerEvent = base.energyPerEvent;
        this.area = base.area;
        this.defaultSpectrum = base.defaultSpectrum;
        this.spectra = base.spectra;
        this.abundances = base.abundances;
        this.xMin = base.xMin;
        this.xMax = base.xMax;
        this.k = base.k;
        this.fractionK = base.fractionK;
        this.tabulated = Collections.unmodifiableMap(new LinkedHashMap<>(tabulated));
    }

    private Source(Builder b) {
        this.eventRate = b.eventRate;
        this.energyPerEvent = b.energyPerEvent;
        this.area = b.area;
        this.defaultSpectrum = b.spectrum;
        this.spectra = Collections.unmodifiableMap(new LinkedHashMap<>(b.spectra));
        this.abundances = Collections.unmodifiableMap(new LinkedHashMap<>(b.abundances));
        this.xMin = b.xMin;
        this.xMax = b.xMax;
        this.tabulated = Map.of();
        double power = eventRate * energyPerEvent / area;
        double rest = 1;
        Map<String, Double> fk = new LinkedHashMap<>();
        for (Map.Entry<String, Double> e : b.fractions.entrySet()) {
            rest -= e.getValue();
            double integral = energyIntegral(species(e.getKey()), spectrum(e.getKey()));
            fk.put(e.getKey(), e.getValue() * power / integral);
        }
        this.fractionK = Collections.unmodifiableMap(fk);
        if (!(rest > 0)) {
            throw new ModelException("source: the energy fractions of " + b.fractions.keySet() + " add up to "
                    + ModelException.show(1 - rest) + "; they must leave a positive share for the nuclei");
        }
        double energy = 0;
        for (Map.Entry<String, Double> e : abundances.entrySet()) {
            energy += e.getValue() * energyIntegral(species(e.getKey()), spectrum(e.getKey()));
        }
        if (!(energy > 0) || !Double.isFinite(energy)) {
            throw new ModelException("source: the energy integral of the injection spectra is " + energy
                    + "; give at least one species with a positive abundance");
        }
        this.k = rest * power / energy;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects the source parameters (cgs). */
    public static final class Builder {
        private double eventRate = Double.NaN;
        private double energyPerEvent = Double.NaN;
        private double area = Double.NaN;
        private InjectionSpectrum spectrum;
        private final Map<String, InjectionSpectrum> spectra = new LinkedHashMap<>();
        private final Map<String, Double> abundances = new LinkedHashMap<>();
        private double xMin = 0;
        private double xMax = Double.POSITIVE_INFINITY;
        private final Map<String, Double> fractions = new LinkedHashMap<>();

        /**
         * inject {@code species} with the fraction f of the total power ν E/A (its spectrum from
         * {@link #spectrum(String, InjectionSpectrum)}); the abundance species share 1 − Σf. hopkins2021 puts
         * ε_e ≈ 0.02 of the CR energy into primary electrons (L907–912).
         */
        public Builder energyFraction(String species, double f) {
            if (!(f > 0 && f < 1)) {
                throw new ModelException("source: the energy fraction of " + species + " must lie in (0, 1), got "
                        + ModelException.show(f));
            }
            fractions.put(NuclideTable.canonical(species), f);
            return this;
        }

        /** events per second (1/(100 yr) for one SN per century) */
        public Builder eventRate(double perSecond) {
            this.eventRate = perSecond;
            return this;
        }

        /** CR energy per event [erg] (10⁵⁰ erg) */
        public Builder energyPerEvent(double erg) {
            this.energyPerEvent = erg;
            return this;
        }

        /** source disk of radius r [cm], area π r² */
        public Builder diskRadius(double cm) {
            this.area = Math.PI * cm * cm;
            return this;
        }

        /** source disk area [cm²] */
        public Builder diskArea(double cm2) {
            this.area = cm2;
            return this;
        }

        /** the spectrum of every species without its own */
        public Builder spectrum(InjectionSpectrum s) {
            this.spectrum = s;
            return this;
        }

        /** a spectrum for one species */
        public Builder spectrum(String species, InjectionSpectrum s) {
            spectra.put(NuclideTable.canonical(species), s);
            return this;
        }

        /** relative abundance a_i (see the class comment); species without one are not injected */
        public Builder abundance(String species, double a) {
            if (!(a >= 0) || !Double.isFinite(a)) {
                throw new ModelException("source: abundance of " + species + " must be finite and ≥ 0, got " + a);
            }
            abundances.put(NuclideTable.canonical(species), a);
            return this;
        }

        /** inject only for x_min ≤ x ≤ x_max (GV or GeV/c/n); default: all x */
        public Builder range(double xMinimum, double xMaximum) {
            if (!(xMinimum >= 0) || !(xMaximum > xMinimum)) {
                throw new ModelException("source: need 0 ≤ x_min < x_max, got " + xMinimum + ", " + xMaximum);
            }
            this.xMin = xMinimum;
            this.xMax = xMaximum;
            return this;
        }

        private static void requirePositive(String what, double v) {
            if (!(v > 0) || Double.isInfinite(v)) {
                throw new ModelException("source: " + what + " must be set, positive and finite, got " + v);
            }
        }

        public Source build() {
            requirePositive("event rate [s^-1]", eventRate);
            requirePositive("energy per event [erg]", energyPerEvent);
            requirePositive("disk area [cm^2]", area);
            if (abundances.isEmpty()) {
                throw new ModelException("source: no species has an abundance");
            }
            for (String s : fractions.keySet()) {
                if (abundances.containsKey(s)) {
                    throw new ModelException("source: " + s + " has both an abundance and an energy fraction");
                }
                if (!spectra.containsKey(s)) {
                    throw new ModelException("source: " + s + " is injected with an energy fraction but has no spectrum of its own");
                }
            }
            for (String s : abundances.keySet()) {
                if (spectrum == null && !spectra.containsKey(s)) {
                    throw new ModelException("source: species " + s + " has no injection spectrum");
                }
            }
            return new Source(this);
        }
    }

    private static Species species(String name) {
        return Species.byName(name).orElseThrow(() -> new ModelException("source: unknown species '" + name + "'"));
    }

    private InjectionSpectrum spectrum(String name) {
        return spectra.getOrDefault(name, defaultSpectrum);
    }

    /** species with a positive abundance */
    public Set<String> species() {
        Set<String> out = new java.util.LinkedHashSet<>();
        abundances.forEach((n, a) -> {
            if (a > 0) {
                out.add(n);
            }
        });
        out.addAll(fractionK.keySet());
        return out;
    }

    /** total CR power per disk area ν E / A [erg cm⁻² s⁻¹] */
    public double powerPerArea() {
        return eventRate * energyPerEvent / area;
    }

    /** the normalization K [cm⁻² s⁻¹ per unit x] */
    public double normalization() {
        return k;
    }

    /** momentum [g cm s⁻¹] of species s at x (GV or GeV/c/n) */
    private static double momentumAt(Species s, InjectionSpectrum.Variable v, double x) {
        return v == InjectionSpectrum.Variable.RIGIDITY
                ? Kinematics.momentumFromRigidity(s, x * Constants.GV)
                : x * Math.max(1, s.massNumber()) * Constants.GEV / Constants.C;
    }

    /** x (GV or GeV/c/n) of species s at momentum p */
    private static double xAt(Species s, InjectionSpectrum.Variable v, double p) {
        return v == InjectionSpectrum.Variable.RIGIDITY
                ? Kinematics.rigidityFromMomentum(s, p) / Constants.GV
                : p * Constants.C / (Math.max(1, s.massNumber()) * Constants.GEV);
    }

    /** dx/dp [per (g cm s⁻¹)] */
    private static double dxdp(Species s, InjectionSpectrum.Variable v) {
        return v == InjectionSpectrum.Variable.RIGIDITY
                ? Constants.C / (Math.abs(s.charge()) * Constants.Q_E * Constants.GV)
                : Constants.C / (Math.max(1, s.massNumber()) * Constants.GEV);
    }

    /** ∫ dx x² s(x) T(x) over the injection range [erg per unit x-power normalisation] */
    private double energyIntegral(Species s, InjectionSpectrum sp) {
        InjectionSpectrum.Variable v = sp.variable();
        double lo = Math.max(xMin, X_LO);
        double hi = Math.min(xMax, X_HI);
        List<Double> cuts = new ArrayList<>();
        cuts.add(lo);
        for (double d = Math.pow(10, Math.ceil(Math.log10(lo))); d < hi; d *= 10) {
            if (d > lo) {
                cuts.add(d);
            }
        }
        cuts.addAll(sp.breaksWithin(lo, hi));
        cuts.add(hi);
        Collections.sort(cuts);
        IterativeLegendreGaussIntegrator gl = new IterativeLegendreGaussIntegrator(8, 1e-10, 1e-14);
        double sum = 0;
        for (int i = 0; i + 1 < cuts.size(); i++) {
            double a = Math.log(cuts.get(i));
            double b = Math.log(cuts.get(i + 1));
            if (b > a) {
                sum += gl.integrate(100_000, u -> {
                    double x = Math.exp(u);
                    return x * x * x * sp.shape(x) * Kinematics.kineticEnergyFromMomentum(s, momentumAt(s, v, x));
                }, a, b);
            }
        }
        if (xMin < X_LO) { // non-relativistic tail: T ∝ x², integrand ∝ x^{4−γ}
            double g = sp.lowSlope();
            if (!(g < 5)) {
                throw new ModelException("source: the energy injected by " + s.name() + " diverges at low momentum (slope "
                        + g + " ≥ 5); set a finite range");
            }
            double t = Kinematics.kineticEnergyFromMomentum(s, momentumAt(s, v, X_LO));
            sum += X_LO * X_LO * X_LO * sp.shape(X_LO) * t / (5 - g);
        }
        if (xMax > X_HI) { // ultra-relativistic tail: T ∝ x, integrand ∝ x^{3−γ}
            double g = sp.highSlope();
            if (!(g > 4)) {
                throw new ModelException("source: the energy injected by " + s.name() + " diverges at high momentum (slope "
                        + g + " ≤ 4); set a finite range");
            }
            double t = Kinematics.kineticEnergyFromMomentum(s, momentumAt(s, v, X_HI));
            sum += X_HI * X_HI * X_HI * sp.shape(X_HI) * t / (g - 4);
        }
        return sum;
    }

    /** dN/dx [cm⁻² s⁻¹ per unit x], both sides of the disk, or 0 outside the range / without abundance */
    private double perX(Species s, double momentum) {
        String name = NuclideTable.canonical(s.name());
        Double a = abundances.get(name);
        Double kf = fractionK.get(name);
        if (kf != null) {
            InjectionSpectrum sp = spectrum(name);
            double x = xAt(s, sp.variable(), momentum);
            return x < xMin || x > xMax ? 0 : kf * x * x * sp.shape(x);
        }
        if (a == null || a == 0) {
            return 0;
        }
        InjectionSpectrum sp = spectrum(name);
        double x = xAt(s, sp.variable(), momentum);
        if (x < xMin || x > xMax) {
            return 0;
        }
        return a * k * x * x * sp.shape(x);
    }

    /**
     * Injection rate per unit disk area and unit kinetic energy per nucleon, both sides
     * [cm⁻² s⁻¹ erg⁻¹]: dN/dE_n = (dN/dx)(dx/dp)(dp/dE_n), dp/dE_n = A/v.
     */
    public double ratePerEnergy(Species s, double ekPerNucleonErg) {
        double p = Kinematics.momentumFromKineticEnergy(s, ekPerNucleonErg * Math.max(1, s.massNumber()));
        double v = Kinematics.betaFromRigidity(s, Kinematics.rigidityFromMomentum(s, p)) * Constants.C;
        InjectionSpectrum sp = spectra.getOrDefault(NuclideTable.canonical(s.name()), defaultSpectrum);
        double extra = tabulatedAt(NuclideTable.canonical(s.name()), ekPerNucleonErg);
        if (sp == null) {
            return extra;
        }
        return perX(s, p) * dxdp(s, sp.variable()) * Math.max(1, s.massNumber()) / v + extra;
    }

    /**
     * A copy that also injects a tabulated rate for {@code species} (replacing an earlier table of it), e.g. the
     * secondary electrons, positrons and antiprotons made by the primaries in the gas, per unit disk area and unit
     * kinetic energy per nucleon, both sides [cm⁻² s⁻¹ erg⁻¹] at E_n [erg] (increasing); interpolated linearly
     * in ln E, zero outside the table. Only {@link #ratePerEnergy} sees it.
     */
    public Source withTabulated(String species, double[] ekPerNucleonErg, double[] ratePerAreaPerErg) {
        if (ekPerNucleonErg.length != ratePerAreaPerErg.length || ekPerNucleonErg.length < 2) {
            throw new IllegalArgumentException("tabulated source: need matching arrays of at least two points");
        }
        for (double r : ratePerAreaPerErg) {
            if (!(r >= 0) || Double.isInfinite(r)) {
                throw new ModelException("tabulated source of " + species + ": rates must be finite and ≥ 0, got "
                        + ModelException.show(r));
            }
        }
        Map<String, double[][]> t = new LinkedHashMap<>(tabulated);
        t.put(NuclideTable.canonical(species), new double[][] {ekPerNucleonErg.clone(), ratePerAreaPerErg.clone()});
        return new Source(this, t);
    }

    private double tabulatedAt(String name, double e) {
        double[][] t = tabulated.get(name);
        if (t == null || e < t[0][0] || e > t[0][t[0].length - 1]) {
            return 0;
        }
        int i = java.util.Arrays.binarySearch(t[0], e);
        if (i >= 0) {
            return t[1][i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = Math.log(e / t[0][lo]) / Math.log(t[0][hi] / t[0][lo]);
        return t[1][lo] * (1 - w) + t[1][hi] * w;
    }

    /** Injection rate per unit disk area and unit rigidity, both sides [cm⁻² s⁻¹ statV⁻¹]. */
    public double ratePerRigidity(Species s, double rigidityStatV) {
        double p = Kinematics.momentumFromRigidity(s, rigidityStatV);
        InjectionSpectrum sp = spectra.getOrDefault(NuclideTable.canonical(s.name()), defaultSpectrum);
        if (sp == null) {
            return 0;
        }
        return perX(s, p) * dxdp(s, sp.variable()) * Math.abs(s.charge()) * Constants.Q_E / Constants.C;
    }

    /**
     * The kempski2022 source Q(p) per side, per d³p: (dN/dp)/(2·4πp²)
     * [cm⁻² s⁻¹ (g cm s⁻¹)⁻³] ("f-units × cm s⁻¹").
     */
    public double phaseSpaceRatePerSide(Species s, double momentum) {
        InjectionSpectrum sp = spectra.getOrDefault(NuclideTable.canonical(s.name()), defaultSpectrum);
        if (sp == null) {
            return 0;
        }
        return perX(s, momentum) * dxdp(s, sp.variable()) / (8 * Math.PI * momentum * momentum);
    }

    @Override
    public String toString() {
        return "Source[rate=" + eventRate + " s^-1, E=" + energyPerEvent + " erg, area=" + area + " cm^2, abundances="
                + abundances + ", spectrum=" + defaultSpectrum + "]";
    }
}

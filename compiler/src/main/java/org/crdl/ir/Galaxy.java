package org.crdl.ir;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.crdl.diag.SourceSpan;

/**
 * Checked {@code galaxy} and {@code observe} declarations: the transport geometry and its
 * settings as typed expressions (evaluated at run time with the current parameters, so
 * {@code --set} needs no recompilation), which scattering block sets D_xx, the sources, the
 * species, solar modulation, and the observables with their data files.
 */
public final class Galaxy {
    private Galaxy() {
    }

    /** One {@code galaxy NAME { … }}. */
    public record Def(String name, Transport transport, Optional<String> scattering, Optional<String> phase,
                      List<Source> sources, List<String> species, Optional<Node> modulationPhi, Energies energies,
                      List<String> crossSections, List<Channel> channels, SourceSpan span, Optional<Radiation> radiation) {
        public Def {
            sources = List.copyOf(sources);
            species = List.copyOf(species);
            crossSections = List.copyOf(crossSections);
            channels = List.copyOf(channels);
        }

        /** a galaxy without a {@code radiation} block (the lepton losses then use the solar-neighbourhood fields) */
        public Def(String name, Transport transport, Optional<String> scattering, Optional<String> phase,
                   List<Source> sources, List<String> species, Optional<Node> modulationPhi, Energies energies,
                   List<String> crossSections, List<Channel> channels, SourceSpan span) {
            this(name, transport, scattering, phase, sources, species, modulationPhi, energies, crossSections, channels,
                    span, Optional.empty());
        }
    }

    /**
     * {@code radiation { B = 6 [uG]  cmb = on  isrf = solar|none  greybody NAME { u = … T = … } … }}: the magnetic and
     * photon fields of the lepton losses (synchrotron, inverse Compton), uniform in the galaxy's volume.
     * Absent B: 5.99 µG; {@code isrf = solar} (default) adds Draine's (2011) dust and starlight grey bodies.
     */
    public record Radiation(Optional<Node> magneticField, boolean cmb, boolean solarIsrf, List<GreyBody> greyBodies) {
        public Radiation {
            greyBodies = List.copyOf(greyBodies);
        }
    }

    /** one diluted black body of a {@link Radiation}: energy density u and temperature T */
    public record GreyBody(String name, Node energyDensity, Node temperature) {
    }

    /** {@code channel C B11 61 [mb]}: a constant partial cross section on hydrogen replacing the table's value. */
    public record Channel(String parent, String daughter, Node sigma, SourceSpan span) {
    }

    /** Where reacceleration acts in a flat halo. */
    public enum ReaccelerationRegion {
        /** the whole diffusive volume |z| &lt; H (GALPROP, DRAGON2) */
        HALO,
        /** the gas disk only (the 1D semi-analytic convention; v_A is then a disk-equivalent speed) */
        DISK
    }

    /** The prefactor convention of D_pp = η p² v_A²/D_xx. */
    public enum DppConvention {
        /** η = 1/9 */
        ISOTROPIC,
        /** η = 4/(3δ(4 − δ²)(4 − δ)) (Seo &amp; Ptuskin 1994, GALPROP) */
        GALPROP,
        /** η = 1/(δ(4 − δ)(4 − δ²)) (DRAGON2 "Ptuskin94", galaxy.cc) */
        DRAGON2
    }

    /** Reacceleration settings of a flat halo; {@code delta} is required by the GALPROP and DRAGON2 conventions. */
    public record Reacceleration(Node alfvenSpeed, ReaccelerationRegion region, DppConvention dpp, Optional<Node> delta) {
    }

    /** Gas of the thin disk: half-thickness h, hydrogen density, n_He/n_H, ionized fraction. */
    public record Disk(Node halfThickness, Node density, Node helium, Node ionized) {
    }

    /** The transport geometry. */
    public sealed interface Transport permits FlatHalo, LeakyBox, Layers, Evolve {
        SourceSpan span();
    }

    /** {@code transport flat_halo { H, h, n_disk, helium, ionized, v_A, wind, losses, decay }} */
    public record FlatHalo(Node halfHeight, Disk disk, Reacceleration reacceleration, Node wind, boolean losses,
                           boolean decay, Optional<Node> radialBoundary, SourceSpan span) implements Transport {
        public Node alfvenSpeed() {
            return reacceleration.alfvenSpeed();
        }
    }

    /** {@code transport leaky_box { escape_time = … | grammage = …, h, n_disk, … }} */
    public record LeakyBox(Optional<Node> escapeTime, Optional<Node> grammage, Disk disk, boolean losses, boolean decay,
                           SourceSpan span) implements Transport {
    }

    /** How CRs cross a layer. */
    public enum LayerMode {
        /** diffusion with κ_∥(R) along the vertical field */
        DIFFUSIVE,
        /** self-confined streaming at v_A with non-linear Landau damping (kempski2022 eqs 10–16) */
        SELF_CONFINED
    }

    /** One layer of {@code transport layers { disk {…} layer NAME {…} … }}. */
    public record Layer(String name, Node thickness, LayerMode mode, Optional<String> phase, Optional<String> scattering,
                        Optional<Node> kappa, Optional<String> turbulence, Optional<Node> wind, Optional<Node> alfvenSpeed,
                        SourceSpan span) {
    }

    /**
     * {@code transport layers { … }}: a thin disk and layers from the mid-plane up; {@code reacceleration} holds the
     * default v_A of diffusive layers (a layer's own {@code v_A} overrides it) and the D_pp convention;
     * {@code destruction} switches inelastic losses of nuclei in the disk on (off by default: kempski2022 eq. 30).
     */
    public record Layers(Disk disk, List<Layer> layers, boolean losses, boolean equalRigidityFragments,
                         Reacceleration reacceleration, boolean destruction, SourceSpan span)
            implements Transport {
        public Layers {
            layers = List.copyOf(layers);
        }
    }

    /** One region of {@code transport evolve}: its phase, scattering block and streaming switch (absent: the block's). */
    public record EvolveRegion(String name, String phase, String scattering, Optional<Boolean> streaming) {
    }

    /**
     * {@code transport evolve { H, disk {h, n, helium, phase, scattering}, halo {phase, scattering}, rigidity {min, max,
     * points}, cells, start, start_spectrum, t_max, tolerance, waves, streaming, field, flux_limit }}: time-dependent self-consistent
     * transport (org.crdl.runtime.transport.evolve).
     */
    public record Evolve(Node halfHeight, Disk disk, EvolveRegion diskRegion, EvolveRegion halo, Node rigidityMin,
                         Node rigidityMax, Node points, Node cells, String start, Optional<Node> startSpectrum, Node tMax,
                         Node tolerance, boolean odeWaves, boolean streaming, boolean tangled, boolean fluxLimit,
                         SourceSpan span)
            implements Transport {
    }

    /** Whether injection slopes refer to rigidity or momentum per nucleon. */
    public enum SpectrumVariable {
        RIGIDITY, MOMENTUM_PER_NUCLEON
    }

    /** A spectral break: above {@code at} the phase-space slope is {@code slope}. */
    public record Break(Node at, Node slope) {
    }

    /** {@code source NAME { rate, energy, spectrum|slope, break…, disk_radius, abundances {…} }} */
    public record Source(String name, Node rate, Node energy, Node slope, SpectrumVariable variable, List<Break> breaks,
                         Node diskRadius, Map<String, Node> abundances, Map<String, SpeciesSpectrum> spectra,
                         SourceSpan span) {
        public Source {
            breaks = List.copyOf(breaks);
            abundances = Map.copyOf(abundances);
            spectra = Map.copyOf(spectra);
        }
    }

    /** {@code spectrum_for SPECIES { slope = …  break … }}: a species' own injection slopes (same variable). */
    public record SpeciesSpectrum(Node slope, List<Break> breaks, Optional<Node> energyFraction) {
        public SpeciesSpectrum {
            breaks = List.copyOf(breaks);
        }

        /** a spectrum whose normalisation comes from the source's abundances */
        public SpeciesSpectrum(Node slope, List<Break> breaks) {
            this(slope, breaks, Optional.empty());
        }
    }

    /** Energy grid of the transport solution, kinetic energy per nucleon. */
    public record Energies(Node min, Node max, Node perDecade) {
    }

    /** What an observation compares: a flux of some isotopes, or a ratio of two such fluxes. */
    public sealed interface Target permits Flux, Ratio {
        String label();

        /** A file-name friendly form: "B_C", "p", "Be10_Be9". */
        String fileLabel();
    }

    public record Flux(String label, List<String> isotopes) implements Target {
        public Flux {
            isotopes = List.copyOf(isotopes);
        }

        public String fileLabel() {
            return label;
        }
    }

    public record Ratio(String numeratorLabel, List<String> numerator, String denominatorLabel,
                        List<String> denominator) implements Target {
        public Ratio {
            numerator = List.copyOf(numerator);
            denominator = List.copyOf(denominator);
        }

        public String label() {
            return numeratorLabel + "/" + denominatorLabel;
        }

        /** "B_C"; a sum in the denominator reads "positron_positron_plus_electron" */
        public String fileLabel() {
            return (numeratorLabel + "_" + denominatorLabel).replace("(", "").replace(")", "").replace(" + ", "_plus_")
                    .replace("+", "_plus_").replace(" ", "");
        }
    }

    /**
     * {@code observe TARGET against "file", … { modulated = true|false  min = 2 [GeV]  max = … }}:
     * each file is compared with the top-of-atmosphere curve unless it is local-interstellar
     * (Voyager) data or the block says otherwise; χ² counts the points between min and max
     * (kinetic energy per nucleon) only.
     */
    public record Observation(Target target, List<String> files, Optional<Boolean> modulated, Optional<Node> min,
                              Optional<Node> max, SourceSpan span) {
        public Observation {
            files = List.copyOf(files);
        }
    }
}

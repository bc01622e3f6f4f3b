package org.crdl.run;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.ir.Galaxy;
import org.crdl.runtime.data.AxisConversion;
import org.crdl.runtime.data.Dataset;
import org.crdl.runtime.data.ObservationLoader;
import org.crdl.runtime.data.FluxRatio;
import org.crdl.runtime.data.QuantityKind;
import org.crdl.runtime.data.XAxisKind;
import org.crdl.runtime.observables.ChiSquare;
import org.crdl.runtime.observables.ChiSquareResult;
import org.crdl.runtime.observables.ModelCurve;
import org.crdl.runtime.output.CurveKind;
import org.crdl.runtime.output.ObservablePlot;
import org.crdl.runtime.particles.Species;
import org.crdl.runtime.plasma.ModelException;

/**
 * Model curves for each {@code observe}, compared with its data files: the top-of-atmosphere
 * (force-field modulated) curve for AMS-02 and other near-Earth data, the local interstellar
 * one for Voyager (beyond the heliopause) or when the block says {@code modulated = false}.
 * Data on a rigidity or total-energy axis are moved to kinetic energy per nucleon first.
 */
public final class Observations {
    private Observations() {
    }

    /** One observable: its LIS and TOA curves on the common grid and one χ² per dataset. */
    public record Observed(Galaxy.Target target, double[] ek, double[] lis, double[] toa, List<Comparison> comparisons) {
        /** The same observable with the datasets of another observe line of it added. */
        public Observed with(Observed other) {
            List<Comparison> all = new ArrayList<>(comparisons);
            all.addAll(other.comparisons());
            return new Observed(target, ek, lis, toa, all);
        }
    }

    /**
     * A dataset, the curve it was compared with, the observe block's min/max [GeV/n] (0 and ∞
     * when absent; the fit is also limited to the curve's range), the χ², the data file as the model
     * names it (machine-independent: outputs stay byte-identical wherever the data live) and the
     * species whose kinematics convert the data's x axis.
     */
    public record Comparison(Dataset dataset, boolean modulated, ChiSquareResult fit, ModelCurve curve, double min,
                             double max, String file, String species) {
    }

    public static Observed curves(Galaxy.Target target, Spectra spectra, double phi) {
        double[] ek = spectra.grid();
        if (target instanceof Galaxy.Ratio r) {
            return new Observed(target, ek, spectra.ratio(r.numerator(), r.denominator(), 0),
                    spectra.ratio(r.numerator(), r.denominator(), phi), List.of());
        }
        Galaxy.Flux f = (Galaxy.Flux) target;
        return new Observed(target, ek, spectra.sum(f.isotopes(), 0), spectra.sum(f.isotopes(), phi), List.of());
    }

    public static Observed compare(Galaxy.Observation o, Spectra spectra, double phi, Path modelFile,
                                   java.util.function.ToDoubleFunction<org.crdl.ir.Node> evaluate) {
        return compare(o, spectra, phi, modelFile, org.crdl.load.SourceRoots.forModel(modelFile, List.of()), evaluate);
    }

    /** As above, reading data files only below {@code roots}. */
    public static Observed compare(Galaxy.Observation o, Spectra spectra, double phi, Path modelFile,
                                   org.crdl.load.SourceRoots roots,
                                   java.util.function.ToDoubleFunction<org.crdl.ir.Node> evaluate) {
        return compare(o, load(o, modelFile, roots), spectra, phi, evaluate);
    }

    /** {@link #load(Galaxy.Observation, Path, org.crdl.load.SourceRoots)} with the model's own roots. */
    public static List<Dataset> load(Galaxy.Observation o, Path modelFile) {
        return load(o, modelFile, org.crdl.load.SourceRoots.forModel(modelFile, List.of()));
    }

    /**
     * The datasets of one observe line, read (only below {@code roots}) and moved to kinetic energy per
     * nucleon, in the order of its files; they depend on no parameter, so fits and scans read them once.
     */
    public static List<Dataset> load(Galaxy.Observation o, Path modelFile, org.crdl.load.SourceRoots roots) {
        List<Dataset> out = new ArrayList<>();
        for (String file : o.files()) {
            Path path = DataFiles.resolve(file, roots, modelFile, "observations");
            Dataset data = ObservationLoader.load(path);
            boolean ratio = o.target() instanceof Galaxy.Ratio;
            if (ratio && data.kind() == QuantityKind.FLUX && isAntiprotonRatio(o.target())) {
                Dataset protons = ObservationLoader.load(DataFiles.resolve(PROTON_FLUX_FOR_PBAR, roots, modelFile,
                        "observations"));
                data = FluxRatio.divide(data, protons, "pbar/p");
            }
            if (ratio != (data.kind() == QuantityKind.RATIO)) {
                throw new ModelException("observe " + o.target().label() + " (" + (ratio ? "a ratio" : "a flux")
                        + ") cannot be compared with " + file + ", which holds " + (ratio ? "a flux" : "a ratio"));
            }
            if (data.xAxis() != XAxisKind.EK_PER_NUCLEON) {
                data = AxisConversion.toXAxis(data, XAxisKind.EK_PER_NUCLEON,
                        Species.byName(firstSpecies(o.target())).orElseThrow());
            }
            out.add(data);
        }
        return out;
    }

    /**
     * Every data file one observe line may read: its own files and, for pbar/p, the proton flux that
     * {@link #load} divides by — what an archive must pack and provenance must hash.
     */
    public static List<String> filesRead(Galaxy.Observation o) {
        List<String> out = new ArrayList<>(o.files());
        if (o.target() instanceof Galaxy.Ratio && isAntiprotonRatio(o.target()) && !out.contains(PROTON_FLUX_FOR_PBAR)) {
            out.add(PROTON_FLUX_FOR_PBAR);
        }
        return out;
    }

    /** the AMS-02 proton flux that turns a p̄ flux file into p̄/p ({@link FluxRatio}) */
    public static final String PROTON_FLUX_FOR_PBAR = "prot_AMS_2011-2013.dat";

    /** pbar/p: a p̄ flux file (AMS-02 publishes the flux) is divided by the AMS-02 proton flux */
    static boolean isAntiprotonRatio(Galaxy.Target t) {
        return t instanceof Galaxy.Ratio r && r.numerator().equals(List.of(Species.ANTIPROTON))
                && r.denominator().equals(List.of("p"));
    }

    /** Compares the curves of one observe line with its datasets, loaded by {@link #load}. */
    public static Observed compare(Galaxy.Observation o, List<Dataset> datasets, Spectra spectra, double phi,
                                   java.util.function.ToDoubleFunction<org.crdl.ir.Node> evaluate) {
        double gev = org.crdl.runtime.units.Constants.GEV;
        double lo = o.min().map(n -> evaluate.applyAsDouble(n) / gev).orElse(0.0);
        double hi = o.max().map(n -> evaluate.applyAsDouble(n) / gev).orElse(Double.POSITIVE_INFINITY);
        Observed curves = curves(o.target(), spectra, phi);
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < datasets.size(); i++) {
            String file = o.files().get(i);
            Dataset data = datasets.get(i);
            boolean modulated = o.modulated().orElse(!file.toLowerCase(java.util.Locale.ROOT).contains("voyager"));
            double[] y = modulated ? curves.toa() : curves.lis();
            ModelCurve curve = positive(o.target().label() + (modulated ? " TOA" : " LIS"), curves.ek(), y);
            double from = Math.max(lo, curve.xMin());
            double to = Math.min(hi, curve.xMax());
            out.add(new Comparison(data, modulated, ChiSquare.compare(curve::valueAt, from, to, data), curve, lo, hi,
                    file, firstSpecies(o.target())));
        }
        return new Observed(o.target(), curves.ek(), curves.lis(), curves.toa(), out);
    }

    /** The first species of a target: its kinematics convert a dataset's x axis to GeV/n. */
    static String firstSpecies(Galaxy.Target t) {
        return t instanceof Galaxy.Ratio r ? r.numerator().get(0) : ((Galaxy.Flux) t).isotopes().get(0);
    }

    /** A curve of the strictly positive points (log-log interpolation needs them). */
    static ModelCurve positive(String label, double[] x, double[] y) {
        List<double[]> kept = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if (y[i] > 0 && Double.isFinite(y[i])) {
                kept.add(new double[] {x[i], y[i]});
            }
        }
        if (kept.size() < 2) {
            throw new ModelException("the model curve " + label + " has fewer than two positive points");
        }
        double[] kx = new double[kept.size()];
        double[] ky = new double[kept.size()];
        for (int i = 0; i < kx.length; i++) {
            kx[i] = kept.get(i)[0];
            ky[i] = kept.get(i)[1];
        }
        return new ModelCurve(label, XAxisKind.EK_PER_NUCLEON, kx, ky);
    }

    /** An extra labelled line on an observable's plot (e.g. one layer's part of B/C). */
    public record Extra(String label, double[] ek, double[] y) {
    }

    /** The PNG of one observable with its data. */
    public static void plot(Observed o, String model, Path file) {
        plot(o, model, file, List.of());
    }

    /** The PNG of one observable with its data and extra model lines (drawn dashed, as LIS parts). */
    public static void plot(Observed o, String model, Path file, List<Extra> extras) {
        boolean ratio = o.target() instanceof Galaxy.Ratio;
        String title = model + ": " + o.target().label();
        ObservablePlot plot = ratio ? ObservablePlot.ratio(title, XAxisKind.EK_PER_NUCLEON, o.target().label())
                : ObservablePlot.flux(title, XAxisKind.EK_PER_NUCLEON, o.target().label() + " flux").scaleByEnergyPower(2.7);
        plot.addModel(positive("model LIS", o.ek(), o.lis()), CurveKind.LIS);
        plot.addModel(positive("model TOA", o.ek(), o.toa()), CurveKind.TOA);
        for (Extra e : extras) {
            plot.addModel(positive(e.label(), e.ek(), e.y()), CurveKind.LIS);
        }
        for (Comparison c : o.comparisons()) {
            ModelCurve curve = c.curve();
            plot.addData(c.dataset(), c.fit(), c.min(), c.max(), x -> x >= curve.xMin() && x <= curve.xMax()
                    ? curve.valueAt(x) : Double.NaN);
        }
        plot.writePng(file, 900, 650);
    }
}

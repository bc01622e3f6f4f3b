package org.crdl.runtime.data;

import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * Loads an observation file in any layout of {@code data/observations/}, recognised by its
 * content (not its name): SSDC export, CRDB table, flux band table (DAMPE), ApJ intensity table
 * (Voyager 1). See the package documentation for what each gives.
 *
 * <pre>{@code
 * Dataset bc = ObservationLoader.load(dir.resolve("B_C_ratio_AMS_PRL2018.txt"));
 * Dataset p  = ObservationLoader.load(dir.resolve("prot_AMS_2011-2013.dat"),
 *         LoadOptions.DEFAULTS.withXAxis(XAxisKind.EK_PER_NUCLEON));
 * Dataset c  = ObservationLoader.load(dir.resolve("apjaa2409t9_ascii.txt"),
 *         LoadOptions.DEFAULTS.withCharge(6));
 * }</pre>
 *
 * Every failure is a {@link org.crdl.runtime.plasma.ModelException} naming the file (and line).
 */
public final class ObservationLoader {
    private ObservationLoader() {
    }

    /** Loads a file with default options. */
    public static Dataset load(Path file) {
        return load(file, LoadOptions.DEFAULTS);
    }

    /**
     * Loads one dataset. A table holding several elements needs {@link LoadOptions#withCharge}.
     */
    public static Dataset load(Path file, LoadOptions options) {
        SourceText text = SourceText.read(file);
        switch (layoutOf(text)) {
            case SSDC:
                return SsdcExportReader.read(text, options);
            case CRDB:
                return CrdbExportReader.read(text, options);
            case FLUX_BAND:
                return FluxBandTableReader.read(text, options);
            case INTENSITY_TABLE:
                return IntensityTableReader.read(text, options);
            default:
                throw new AssertionError();
        }
    }

    /**
     * Loads every dataset of a file: one per element for a multi-element table (lowest Z first),
     * otherwise the single dataset {@link #load(Path, LoadOptions)} gives. The charge selection of
     * {@code options} is ignored.
     */
    public static List<Dataset> loadAll(Path file, LoadOptions options) {
        SourceText text = SourceText.read(file);
        LoadOptions all = new LoadOptions(options.xAxis(), OptionalInt.empty());
        if (layoutOf(text) == Layout.INTENSITY_TABLE) {
            return IntensityTableReader.readAll(text, all);
        }
        return List.of(load(file, all));
    }

    private enum Layout { SSDC, CRDB, FLUX_BAND, INTENSITY_TABLE }

    private static Layout layoutOf(SourceText text) {
        if (SsdcExportReader.accepts(text)) {
            return Layout.SSDC;
        }
        if (CrdbExportReader.accepts(text)) {
            return Layout.CRDB;
        }
        if (FluxBandTableReader.accepts(text)) {
            return Layout.FLUX_BAND;
        }
        if (IntensityTableReader.accepts(text)) {
            return Layout.INTENSITY_TABLE;
        }
        int first = text.nextNonBlank(0);
        throw text.error(Math.max(first, 0), "unrecognised layout"
                + (first < 0 ? " (the file is empty)" : " starting '" + abbreviate(text.line(first)) + "'")
                + "; expected an SSDC export ('# XLabel:' and '# Columns:' headers), a CRDB table "
                + "('#   <E>  Elo  Eup   y ...'), a band table (E_min E_avg E_max Flux_min Flux_avg "
                + "Flux_max) or an ApJ intensity table ('Table N' then E_min E_max ... columns)");
    }

    private static String abbreviate(String line) {
        String t = line.trim();
        return t.length() > 60 ? t.substring(0, 60) + "…" : t;
    }
}

package org.crdl.runtime.units;

import java.util.List;

/**
 * The unit a physicist reads a quantity in at the interface (summary.json, messages, ECSV/FITS
 * columns): rigidity in GV (not "G cm"), energy in GeV, Galactic lengths in kpc, diffusivities in
 * cm²/s, speeds in km/s, times in Myr, fields in μG. {@link #astropy} is the same unit as an
 * astropy unit string. Dimensions without a conventional unit fall back to their cgs form.
 *
 * <pre>{@code
 * DisplayUnit u = DisplayUnit.of(Dimension.POTENTIAL);   // GV
 * double gv = u.fromCgs(rigidityStatvolt);
 * }</pre>
 *
 * @param symbol  the unit as printed ({@code GV}, {@code cm^2/s}, {@code μG})
 * @param astropy the astropy unit string ({@code GV}, {@code cm2 / s}, {@code uG}); empty when dimensionless
 * @param factor  cgs value of one of this unit
 */
public record DisplayUnit(String symbol, String astropy, double factor) {
    private record Entry(Dimension dimension, DisplayUnit unit) {
    }

    private static final List<Entry> TABLE = List.of(
            new Entry(Dimension.NONE, new DisplayUnit("", "", 1)),
            new Entry(Dimension.POTENTIAL, new DisplayUnit("GV", "GV", Constants.GV)),
            new Entry(Dimension.ENERGY, new DisplayUnit("GeV", "GeV", Constants.GEV)),
            new Entry(Dimension.LENGTH, new DisplayUnit("kpc", "kpc", Constants.KPC)),
            new Entry(Dimension.LENGTH.times(Dimension.LENGTH).over(Dimension.TIME),
                    new DisplayUnit("cm^2/s", "cm2 / s", 1)),
            new Entry(Dimension.VELOCITY, new DisplayUnit("km/s", "km / s", 1e5)),
            new Entry(Dimension.TIME, new DisplayUnit("Myr", "Myr", Constants.MYR)),
            new Entry(Dimension.RATE, new DisplayUnit("1/s", "1 / s", 1)),
            new Entry(Dimension.MAGNETIC_FIELD, new DisplayUnit("μG", "uG", 1e-6)),
            new Entry(Dimension.NUMBER_DENSITY, new DisplayUnit("cm^-3", "cm-3", 1)),
            new Entry(Dimension.TEMPERATURE, new DisplayUnit("K", "K", 1)),
            new Entry(Dimension.MASS.over(Dimension.AREA), new DisplayUnit("g/cm^2", "g / cm2", 1)),
            new Entry(Dimension.ENERGY_DENSITY, new DisplayUnit("eV/cm^3", "eV / cm3", Constants.GEV * 1e-9)));

    /** The display unit of {@code d}; its cgs form when no conventional unit is known. */
    public static DisplayUnit of(Dimension d) {
        for (Entry e : TABLE) {
            if (e.dimension().equals(d)) {
                return e.unit();
            }
        }
        return new DisplayUnit(d.toString(), "", 1);
    }

    /** A cgs value in this unit. */
    public double fromCgs(double cgs) {
        return cgs / factor;
    }

    /** {@code value unit} with 6 significant digits, e.g. {@code 4 kpc}, {@code 2.18e+28 cm^2/s}. */
    public String format(double cgs) {
        String v = String.format(java.util.Locale.ROOT, "%.6g", fromCgs(cgs));
        if (v.contains("e")) {
            v = v.replaceAll("\\.?0+e", "e");
        } else if (v.contains(".")) {
            v = v.replaceAll("\\.?0+$", "");
        }
        return symbol.isEmpty() ? v : v + " " + symbol;
    }
}

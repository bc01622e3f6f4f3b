package org.crdl.runtime.units;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The units CRDL understands inside brackets, with their cgs factors. A name is looked up
 * exactly first ("pc", "mb", "Gyr" as written), then as an SI prefix on a base unit that
 * accepts prefixes ("kpc" = k + pc, "uG" = "muG" = "μG" = micro + G, "GV" = G + V, "mb" = m + b).
 * "n" alone is the nucleon count (dimensionless), so [GeV/n] reads as kinetic energy per nucleon.
 * Note that "T" is tesla and "G" gauss; the temperature field T is never written in brackets.
 */
public final class UnitTable {

    private static final Map<String, Double> PREFIXES = new LinkedHashMap<>();
    private static final Map<String, Unit> BASE = new LinkedHashMap<>();
    private static final Map<String, Boolean> PREFIXABLE = new LinkedHashMap<>();

    static {
        PREFIXES.put("P", 1e15);
        PREFIXES.put("T", 1e12);
        PREFIXES.put("G", 1e9);
        PREFIXES.put("M", 1e6);
        PREFIXES.put("k", 1e3);
        PREFIXES.put("c", 1e-2);
        PREFIXES.put("m", 1e-3);
        PREFIXES.put("u", 1e-6);
        PREFIXES.put("mu", 1e-6);
        PREFIXES.put("\u03BC", 1e-6);   // μ (Greek mu)
        PREFIXES.put("\u00B5", 1e-6);   // µ (micro sign)
        PREFIXES.put("n", 1e-9);
        PREFIXES.put("p", 1e-12);
        PREFIXES.put("f", 1e-15);

        // length
        base("m", 100.0, Dimension.LENGTH, "metre", true);
        base("au", Constants.AU, Dimension.LENGTH, "astronomical unit", false);
        base("pc", Constants.PC, Dimension.LENGTH, "parsec", true);
        base("ly", Constants.C * Constants.YR, Dimension.LENGTH, "light year (Julian)", false);
        // time
        base("s", 1.0, Dimension.TIME, "second", true);
        base("min", 60.0, Dimension.TIME, "minute", false);
        base("hr", 3600.0, Dimension.TIME, "hour", false);
        base("day", 86400.0, Dimension.TIME, "day", false);
        base("yr", Constants.YR, Dimension.TIME, "Julian year", true);
        base("Hz", 1.0, Dimension.RATE, "hertz", true);
        // mass
        base("g", 1.0, Dimension.MASS, "gram", true);
        base("Msun", Constants.M_SUN, Dimension.MASS, "solar mass", false);
        base("amu", Constants.M_U, Dimension.MASS, "atomic mass unit", false);
        // temperature
        base("K", 1.0, Dimension.TEMPERATURE, "kelvin", true);
        // energy, power, force
        base("erg", 1.0, Dimension.ENERGY, "erg", false);
        base("J", 1e7, Dimension.ENERGY, "joule", true);
        base("eV", Constants.EV, Dimension.ENERGY, "electronvolt", true);
        base("W", 1e7, Dimension.ENERGY.over(Dimension.TIME), "watt", true);
        base("dyn", 1.0, Dimension.of(1, 1, -2, 0), "dyne", false);
        base("N", 1e5, Dimension.of(1, 1, -2, 0), "newton", false);
        // magnetic field
        base("G", 1.0, Dimension.MAGNETIC_FIELD, "gauss", true);
        base("T", 1e4, Dimension.MAGNETIC_FIELD, "tesla", true);
        // potential and rigidity (pc/Ze has the dimension of a potential)
        base("V", Constants.VOLT, Dimension.POTENTIAL, "volt (as a rigidity: pc/Ze)", true);
        base("statV", 1.0, Dimension.POTENTIAL, "statvolt", false);
        base("statC", 1.0, Dimension.CHARGE, "statcoulomb", false);
        base("esu", 1.0, Dimension.CHARGE, "electrostatic unit of charge", false);
        // cross sections
        base("b", 1e-24, Dimension.AREA, "barn", true);
        base("barn", 1e-24, Dimension.AREA, "barn", false);
        // dimensionless
        base("n", 1.0, Dimension.NONE, "per nucleon, as in [GeV/n] (kinetic energy per nucleon)", false);
        base("sr", 1.0, Dimension.NONE, "steradian", false);
        base("rad", 1.0, Dimension.NONE, "radian", false);
        base("deg", Math.PI / 180.0, Dimension.NONE, "degree", false);
    }

    private UnitTable() {
    }

    private static void base(String symbol, double factor, Dimension dim, String description, boolean prefixable) {
        BASE.put(symbol, new Unit(symbol, factor, dim, description));
        PREFIXABLE.put(symbol, prefixable);
    }

    /** The unit with this symbol, if CRDL knows it. */
    public static Optional<Unit> lookup(String symbol) {
        Unit exact = BASE.get(symbol);
        if (exact != null) {
            return Optional.of(exact);
        }
        for (Map.Entry<String, Double> p : PREFIXES.entrySet()) {
            String prefix = p.getKey();
            if (symbol.length() > prefix.length() && symbol.startsWith(prefix)) {
                String rest = symbol.substring(prefix.length());
                Unit base = BASE.get(rest);
                if (base != null && PREFIXABLE.get(rest)) {
                    return Optional.of(new Unit(symbol, p.getValue() * base.factor(), base.dimension(),
                            prefixName(prefix) + base.description()));
                }
            }
        }
        return Optional.empty();
    }

    /** Base unit symbols (without prefixes), for "did you mean" suggestions and documentation. */
    public static List<String> baseSymbols() {
        return List.copyOf(BASE.keySet());
    }

    /** Common written forms, for suggestions: base symbols plus the prefixed forms people use most. */
    public static List<String> commonSymbols() {
        List<String> all = new java.util.ArrayList<>(BASE.keySet());
        all.addAll(List.of("cm", "km", "kpc", "Mpc", "kyr", "Myr", "Gyr", "kg", "keV", "MeV", "GeV", "TeV",
                "mG", "uG", "nG", "kV", "MV", "GV", "TV", "mb"));
        return Collections.unmodifiableList(all);
    }

    private static String prefixName(String p) {
        return switch (p) {
            case "P" -> "peta";
            case "T" -> "tera";
            case "G" -> "giga";
            case "M" -> "mega";
            case "k" -> "kilo";
            case "c" -> "centi";
            case "m" -> "milli";
            case "u", "mu", "\u03BC", "\u00B5" -> "micro";
            case "n" -> "nano";
            case "p" -> "pico";
            default -> "femto";
        };
    }
}

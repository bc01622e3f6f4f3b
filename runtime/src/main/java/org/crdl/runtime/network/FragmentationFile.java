package org.crdl.runtime.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.math3.analysis.interpolation.LinearInterpolator;
import org.apache.commons.math3.analysis.polynomials.PolynomialSplineFunction;
import org.crdl.runtime.plasma.ModelException;

/**
 * Partial cross sections read from a DRAGON2-format fragmentation file, e.g.
 * {@code crxsecs_fragmentation_Evoli2019_cumulative_modified.dat} (shared/data/README.md):
 * columns {@code Parent Daughter Energy(MeV/n) XsecH(mb) XsecErr Reference}, nuclei written
 * {@code Z.A} ("6.12" = ¹²C, "26.56" = ⁵⁶Fe; the part after the dot is the mass number as
 * written, so "5.10" is ¹⁰B), energies are kinetic energy per nucleon in MeV, cross sections on
 * hydrogen in mb. Lines that do not start with two {@code Z.A} numbers (the header) are skipped.
 *
 * <p>Interpolation: piecewise linear in ln E (Commons Math {@link LinearInterpolator}); outside
 * the tabulated range the nearest end value is used (the Evoli file spans 10 MeV/n – 1 TeV/n and is
 * flat at its top end).
 */
public final class FragmentationFile implements PartialCrossSections {
    private final Path source;
    private final Map<Channel, Table> tables;

    private record Table(double lnEMin, double lnEMax, double sigmaLow, double sigmaHigh, PolynomialSplineFunction f) {
        double at(double lnE) {
            if (lnE <= lnEMin) {
                return sigmaLow;
            }
            if (lnE >= lnEMax) {
                return sigmaHigh;
            }
            return f.value(lnE);
        }
    }

    private FragmentationFile(Path source, Map<Channel, Table> tables) {
        this.source = source;
        this.tables = Collections.unmodifiableMap(tables);
    }

    private static final java.util.regex.Pattern WHITESPACE = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern CHARGE_MASS = java.util.regex.Pattern.compile("\\d+\\.\\d+");

    /** "6.12" → {6, 12}; "5.10" → {5, 10} (string split, not a decimal number). */
    static int[] parseChargeMass(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot == token.length() - 1) {
            throw new NumberFormatException("not a Z.A nucleus code: " + token);
        }
        return new int[] {Integer.parseInt(token.substring(0, dot)), Integer.parseInt(token.substring(dot + 1))};
    }

    /** Reads the file; a {@link ModelException} names the file and line of any malformed row. */
    public static FragmentationFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new ModelException("cross-section file " + file + " is not a text file (it holds bytes that are not "
                    + "UTF-8 text)", e);
        } catch (IOException e) {
            throw new ModelException("cannot read cross-section file " + file + ": " + e.getMessage(), e);
        }
        Map<Channel, TreeMap<Double, Double>> rows = new LinkedHashMap<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String[] t = WHITESPACE.split(line.trim());
            if (line.indexOf('\u0000') >= 0) {
                throw new ModelException("cross-section file " + file + " is not a text file (NUL byte on line " + lineNo
                        + ")");
            }
            if (t.length < 4 && t.length >= 1 && CHARGE_MASS.matcher(t[0]).matches()) {
                throw new ModelException(file + ":" + lineNo + ": truncated cross-section row (expected Parent Daughter "
                        + "Energy XsecH, found " + t.length + " of the 4 columns)");
            }
            if (t.length < 4 || !CHARGE_MASS.matcher(t[0]).matches() || !CHARGE_MASS.matcher(t[1]).matches()) {
                continue;
            }
            try {
                int[] p = parseChargeMass(t[0]);
                int[] d = parseChargeMass(t[1]);
                double eMeV = Double.parseDouble(t[2]);
                double sigma = Double.parseDouble(t[3]);
                if (!(eMeV > 0) || !(sigma >= 0) || !Double.isFinite(sigma)) {
                    throw new ModelException(file + ":" + lineNo + ": energy must be > 0 and cross section ≥ 0, got '"
                            + line.trim() + "'");
                }
                Channel c = new Channel(p[0], p[1], d[0], d[1]);
                Double old = rows.computeIfAbsent(c, k -> new TreeMap<>()).put(Math.log(eMeV * 1e-3), sigma);
                if (old != null && old != sigma) {
                    throw new ModelException(file + ":" + lineNo + ": channel " + c + " lists energy " + eMeV
                            + " MeV/n twice with different cross sections (" + old + " and " + sigma + " mb)");
                }
            } catch (NumberFormatException e) {
                throw new ModelException(file + ":" + lineNo + ": cannot read cross-section row '" + line.trim() + "'");
            }
        }
        if (rows.isEmpty()) {
            throw new ModelException("cross-section file " + file + " holds no 'Parent Daughter Energy XsecH' rows");
        }
        Map<Channel, Table> tables = new LinkedHashMap<>();
        LinearInterpolator li = new LinearInterpolator();
        for (Map.Entry<Channel, TreeMap<Double, Double>> e : rows.entrySet()) {
            TreeMap<Double, Double> m = e.getValue();
            double[] x = new double[m.size()];
            double[] y = new double[m.size()];
            int i = 0;
            for (Map.Entry<Double, Double> r : m.entrySet()) {
                x[i] = r.getKey();
                y[i++] = r.getValue();
            }
            PolynomialSplineFunction f = x.length >= 2 ? li.interpolate(x, y) : null;
            tables.put(e.getKey(), new Table(x[0], x[x.length - 1], y[0], y[y.length - 1], f));
        }
        return new FragmentationFile(file, tables);
    }

    public Path source() {
        return source;
    }

    @Override
    public Set<Channel> channels() {
        return tables.keySet();
    }

    @Override
    public double hydrogenMb(Channel channel, double ekGeVPerNucleon) {
        if (!(ekGeVPerNucleon > 0) || !Double.isFinite(ekGeVPerNucleon)) {
            throw new ModelException("partial cross section " + channel + " from " + source
                    + ": kinetic energy per nucleon must be positive and finite, got " + ekGeVPerNucleon + " GeV/n");
        }
        Table t = tables.get(channel);
        return t == null ? 0.0 : t.at(Math.log(ekGeVPerNucleon));
    }

    /** tabulated energies of a channel [GeV/n] (for reports and tests) */
    public List<Double> energiesGeVPerNucleon(Channel channel) {
        Table t = tables.get(channel);
        List<Double> out = new ArrayList<>();
        if (t != null && t.f() != null) {
            for (double k : t.f().getKnots()) {
                out.add(Math.exp(k));
            }
        }
        return out;
    }
}

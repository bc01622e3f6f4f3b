package org.crdl.runtime.network;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.crdl.runtime.plasma.ModelException;

/**
 * The Webber et al. (2003, ApJS 144, 153) tables as DRAGON2 ships them
 * ({@code webber_xsec.dat}, {@code webber_xsec_total.dat}): a header row {@code 00000000} (or
 * {@code 0000}) with the kinetic energies per nucleon [MeV/n] of the columns (10 … 9000), then one row
 * per channel. Partial rows are coded {@code AAZZaazz} (parent mass and charge, daughter mass and
 * charge: {@code 12061105} = ¹²C → ¹¹B), total rows {@code AAZZ}; values in mb on hydrogen.
 *
 * <p>The partial table is cumulative like the Evoli file: ¹²C → ¹¹B is 58.6 mb at 1–2 GeV/n, the
 * direct ¹¹B yield plus the ¹¹C ghost (the DRAGON2 file has 57–59 mb there), and ¹⁶O → ¹⁵N is 62 mb
 * at 5 GeV/n (¹⁵N + ¹⁵O), so no ghost folding is applied. Interpolation is linear in ln E between
 * columns; outside 10 MeV/n – 9 GeV/n the end value is used (the table is flat at its top). A zero
 * at low energy means "below threshold or not given" and is interpolated as a value.
 * Daughters with A ≤ 4 (n, p, d, He) are not read: the network takes secondary protons and helium
 * from neither table.
 */
public final class WebberTable implements PartialCrossSections {
    private final Path source;
    private final double[] lnE;
    private final Map<Channel, double[]> partials;

    private WebberTable(Path source, double[] lnE, Map<Channel, double[]> partials) {
        this.source = source;
        this.lnE = lnE;
        this.partials = Collections.unmodifiableMap(partials);
    }

    /** true when the first field of the file's first data row has 8 digits (a Webber partial table). */
    static boolean looksLikeWebber(List<String> lines, int digits) {
        for (String l : lines) {
            String[] t = l.trim().split("\\s+");
            if (t.length > 1 && t[0].matches("\\d+")) {
                return t[0].length() == digits && t[0].chars().allMatch(c -> c == '0');
            }
        }
        return false;
    }

    static boolean isPartialTable(List<String> lines) {
        return looksLikeWebber(lines, 8);
    }

    static boolean isTotalTable(List<String> lines) {
        return looksLikeWebber(lines, 4);
    }

    /** Reads a partial table ({@code webber_xsec.dat}). */
    public static WebberTable read(Path file) {
        List<String> lines = lines(file);
        if (!isPartialTable(lines)) {
            throw new ModelException(file + ": not a Webber partial table (first row must be 00000000 and energies)");
        }
        Map<Integer, double[]> rows = new LinkedHashMap<>();
        double[] lnE = parse(file, lines, 8, rows);
        Map<Channel, double[]> out = new LinkedHashMap<>();
        rows.forEach((code, v) -> {
            int pa = code / 1_000_000;
            int pz = code / 10_000 % 100;
            int da = code / 100 % 100;
            int dz = code % 100;
            if (da > 4 && pz > 0 && dz > 0) {
                out.put(new Channel(pz, pa, dz, da), v);
            }
        });
        return new WebberTable(file, lnE, out);
    }

    /** Reads a total (inelastic) table ({@code webber_xsec_total.dat}) as σ_inel(A, Z) on hydrogen. */
    public static InelasticCrossSection readTotal(Path file, InelasticCrossSection fallback) {
        List<String> lines = lines(file);
        if (!isTotalTable(lines)) {
            throw new ModelException(file + ": not a Webber total table (first row must be 0000 and energies)");
        }
        Map<Integer, double[]> rows = new LinkedHashMap<>();
        double[] lnE = parse(file, lines, 4, rows);
        return (n, ek) -> {
            double[] v = rows.get(n.a() * 100 + n.z());
            return v == null ? fallback.hydrogenMb(n, ek) : interpolate(lnE, v, Math.log(ek * 1e3));
        };
    }

    private static List<String> lines(Path file) {
        return CrossSectionTables.textLines(file);
    }

    /** header energies (ln MeV/n) and rows by code; malformed rows name file and line */
    private static double[] parse(Path file, List<String> lines, int digits, Map<Integer, double[]> rows) {
        double[] lnE = null;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            String[] t = line.trim().split("\\s+");
            if (t.length < 2 || !t[0].matches("\\d+")) {
                continue;
            }
            try {
                double[] v = new double[t.length - 1];
                for (int i = 1; i < t.length; i++) {
                    v[i - 1] = Double.parseDouble(t[i]);
                }
                if (lnE == null) {
                    lnE = new double[v.length];
                    for (int i = 0; i < v.length; i++) {
                        if (!(v[i] > 0) || (i > 0 && !(v[i] > v[i - 1]))) {
                            throw new ModelException(file + ":" + lineNo + ": header energies must be positive and increasing");
                        }
                        lnE[i] = Math.log(v[i]);
                    }
                    continue;
                }
                if (t[0].length() != digits || v.length != lnE.length) {
                    throw new ModelException(file + ":" + lineNo + ": expected a " + digits + "-digit code and "
                            + lnE.length + " cross sections, got '" + line.trim() + "'");
                }
                for (double x : v) {
                    if (!(x >= 0) || !Double.isFinite(x)) {
                        throw new ModelException(file + ":" + lineNo + ": cross sections must be finite and ≥ 0");
                    }
                }
                rows.put(Integer.parseInt(t[0]), v);
            } catch (NumberFormatException e) {
                throw new ModelException(file + ":" + lineNo + ": cannot read row '" + line.trim() + "'");
            }
        }
        if (lnE == null || rows.isEmpty()) {
            throw new ModelException("cross-section file " + file + " holds no table rows");
        }
        return lnE;
    }

    static double interpolate(double[] lnE, double[] v, double x) {
        if (x <= lnE[0]) {
            return v[0];
        }
        int n = lnE.length;
        if (x >= lnE[n - 1]) {
            return v[n - 1];
        }
        int i = 0;
        while (x > lnE[i + 1]) {
            i++;
        }
        double w = (x - lnE[i]) / (lnE[i + 1] - lnE[i]);
        return v[i] + w * (v[i + 1] - v[i]);
    }

    public Path source() {
        return source;
    }

    @Override
    public Set<Channel> channels() {
        return partials.keySet();
    }

    @Override
    public double hydrogenMb(Channel channel, double ekGeVPerNucleon) {
        if (!(ekGeVPerNucleon > 0) || !Double.isFinite(ekGeVPerNucleon)) {
            throw new ModelException("partial cross section " + channel + " from " + source
                    + ": kinetic energy per nucleon must be positive and finite, got " + ekGeVPerNucleon + " GeV/n");
        }
        double[] v = partials.get(channel);
        return v == null ? 0.0 : interpolate(lnE, v, Math.log(ekGeVPerNucleon * 1e3));
    }
}

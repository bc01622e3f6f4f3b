package org.crdl.runtime.network;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.crdl.runtime.plasma.ModelException;

/**
 * A compact built-in table of the main fragmentation channels among ¹⁶O, ¹⁵N, ¹⁴N, ¹³C, ¹²C,
 * ¹¹B, ¹⁰B, ¹⁰Be, ⁹Be, ⁷Be, ⁷Li and ⁶Li on hydrogen, <b>energy-independent</b>.
 *
 * <p>Source: the cumulative cross sections of Evoli et al. (DRAGON2: Evoli, Gaggero, Vittino et
 * al. 2018, JCAP 07, 006, arXiv:1711.09616; updated set "EvoliNov2019" used in Evoli, Aloisio &amp;
 * Blasi 2019, PRD 99, 103023), read at T = 10.4 GeV/n and rounded to three significant figures.
 * Above ~5 GeV/n these fits are flat to within ~2 %; <b>below a few GeV/n they are not</b>
 * (e.g. ¹²C→¹¹B is 57 mb at 1.6 GeV/n and 107 mb at 43 MeV/n), so use the
 * {@link FragmentationFile} when sub-GeV secondaries matter. Independent check: the Webber et al.
 * (2003) values for ¹²C, ¹⁴N, ¹⁶O → ¹⁰B, ¹¹B at 5 GeV/n agree within 20 % (test; ¹²C→¹⁰B differs most,
 * 18.1 vs 15.4 mb); the minor ¹⁵N channels differ by up to 46 %.
 */
public final class BuiltInFragmentation implements PartialCrossSections {

    /** parent, daughter (charge.mass as in the DRAGON2 files: "6.12" = ¹²C), σ_H [mb] */
    private static final String[] TABLE = {
        // ¹⁶O
        "8.16 7.15 60.8", "8.16 7.14 30.1", "8.16 6.13 21.7", "8.16 6.12 33.2",
        "8.16 5.11 26.8", "8.16 5.10 10.5", "8.16 4.10 3.95", "8.16 4.09 3.38", "8.16 4.07 8.69",
        "8.16 3.07 10.8", "8.16 3.06 16.7",
        // ¹⁵N
        "7.15 7.14 20.2", "7.15 6.13 46.1", "7.15 6.12 43.8",
        "7.15 5.11 36.5", "7.15 5.10 13.6", "7.15 4.10 3.40", "7.15 4.09 7.98", "7.15 4.07 5.34",
        "7.15 3.07 18.6", "7.15 3.06 11.9",
        // ¹⁴N
        "7.14 6.13 16.3", "7.14 6.12 52.0",
        "7.14 5.11 29.2", "7.14 5.10 10.2", "7.14 4.10 2.64", "7.14 4.09 2.71", "7.14 4.07 12.1",
        "7.14 3.07 16.2", "7.14 3.06 15.3",
        // ¹³C
        "6.13 6.12 56.7",
        "6.13 5.11 41.7", "6.13 5.10 4.70", "6.13 4.10 6.55", "6.13 4.09 7.52", "6.13 4.07 4.70",
        "6.13 3.07 22.8", "6.13 3.06 19.6",
        // ¹²C
        "6.12 5.11 52.7", "6.12 5.10 18.1", "6.12 4.10 4.00", "6.12 4.09 7.23", "6.12 4.07 9.46",
        "6.12 3.07 13.7", "6.12 3.06 16.1",
        // ¹¹B, ¹⁰B (tertiaries)
        "5.11 5.10 40.9", "5.11 4.10 13.0", "5.11 4.09 15.2", "5.11 4.07 4.56",
        "5.11 3.07 27.7", "5.11 3.06 7.91",
        "5.10 4.09 14.0", "5.10 4.07 21.3", "5.10 3.07 11.4", "5.10 3.06 13.4",
        // Be, Li
        "4.10 4.09 36.4", "4.10 4.07 36.9", "4.10 3.07 21.8", "4.10 3.06 12.7",
        "4.09 4.07 45.2", "4.09 3.07 19.7", "4.09 3.06 14.6",
        "4.07 3.06 21.0",
        "3.07 3.06 46.0",
    };

    private static final Map<Channel, Double> SIGMA;

    static {
        Map<Channel, Double> m = new LinkedHashMap<>();
        for (String row : TABLE) {
            String[] t = row.split(" ");
            int[] p = FragmentationFile.parseChargeMass(t[0]);
            int[] d = FragmentationFile.parseChargeMass(t[1]);
            m.put(new Channel(p[0], p[1], d[0], d[1]), Double.parseDouble(t[2]));
        }
        SIGMA = Collections.unmodifiableMap(m);
    }

    private static final BuiltInFragmentation INSTANCE = new BuiltInFragmentation();

    private BuiltInFragmentation() {
    }

    public static BuiltInFragmentation instance() {
        return INSTANCE;
    }

    @Override
    public Set<Channel> channels() {
        return SIGMA.keySet();
    }

    @Override
    public double hydrogenMb(Channel channel, double ekGeVPerNucleon) {
        if (!(ekGeVPerNucleon > 0)) {
            throw new ModelException("partial cross section " + channel + ": kinetic energy per nucleon must be > 0, got "
                    + ekGeVPerNucleon + " GeV/n");
        }
        Double sigma = SIGMA.get(channel);   // no boxed default per call: this sits in the transport's inner loop
        return sigma == null ? 0 : sigma;
    }

    /**
     * A table of constant cross sections given by the caller, e.g. the single effective
     * C → B channel of 61 mb of kempski2022 (L289).
     */
    public static PartialCrossSections constant(Map<Channel, Double> sigmaMb) {
        Map<Channel, Double> copy = Collections.unmodifiableMap(new LinkedHashMap<>(sigmaMb));
        return new PartialCrossSections() {
            @Override
            public Set<Channel> channels() {
                return copy.keySet();
            }

            @Override
            public double hydrogenMb(Channel channel, double ekGeVPerNucleon) {
                return copy.getOrDefault(channel, 0.0);
            }
        };
    }
}

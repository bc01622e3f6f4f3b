package org.crdl.runtime.waves;

import java.util.ArrayList;
import java.util.List;

/**
 * What a scattering block contains: its source and damping law names (declaration order),
 * the pitch-angle factor nu_hat (3/4 by default, hopkins2022 L355), whether ν̄_s is given
 * directly by a phenomenological {@code nu} law, and the wave mode ("total" or "split").
 */
public record ScatteringInfo(String model, String name, List<String> sources, List<String> dampings,
                             double nuHat, boolean phenomenological, String waveMode) {

    public ScatteringInfo {
        sources = List.copyOf(sources);
        dampings = List.copyOf(dampings);
    }

    /** Array form for generated code (which avoids java.util). */
    public static ScatteringInfo of(String model, String name, String[] sources, String[] dampings, double nuHat,
                                    boolean phenomenological, String waveMode) {
        return new ScatteringInfo(model, name, List.of(sources), List.of(dampings), nuHat, phenomenological, waveMode);
    }

    /** "S.<law>" for every source, then "Gamma.<law>" for every damping. */
    public List<String> termNames() {
        List<String> names = new ArrayList<>();
        sources.forEach(s -> names.add("S." + s));
        dampings.forEach(d -> names.add("Gamma." + d));
        return names;
    }
}

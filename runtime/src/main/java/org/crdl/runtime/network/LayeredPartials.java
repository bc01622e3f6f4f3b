package org.crdl.runtime.network;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Several partial cross-section tables in priority order: a channel is taken from the first table
 * that lists it (e.g. the DRAGON2/Evoli file for Li–O daughters, then Webber 2003 for the rest of the
 * network up to Ni). Channels whose daughter is not lighter than the parent (same-A charge exchange
 * such as ²⁶Mg → ²⁶Al) are dropped when {@code lighterOnly}: together with β decays they would close
 * cycles in the parents-first order, and they are a few mb.
 */
public final class LayeredPartials implements PartialCrossSections {
    private final List<PartialCrossSections> tables;
    private final Set<Channel> channels;

    public LayeredPartials(List<PartialCrossSections> tables, boolean lighterOnly) {
        this.tables = List.copyOf(tables);
        Set<Channel> all = new LinkedHashSet<>();
        for (PartialCrossSections t : tables) {
            for (Channel c : t.channels()) {
                if (!lighterOnly || c.daughterA() < c.parentA()) {
                    all.add(c);
                }
            }
        }
        this.channels = Collections.unmodifiableSet(all);
    }

    @Override
    public Set<Channel> channels() {
        return channels;
    }

    @Override
    public double hydrogenMb(Channel channel, double ekGeVPerNucleon) {
        if (!channels.contains(channel)) {
            return 0.0;
        }
        for (PartialCrossSections t : tables) {
            if (t.channels().contains(channel)) {
                return t.hydrogenMb(channel, ekGeVPerNucleon);
            }
        }
        return 0.0;
    }

    /** the table that provides a channel (for reports and tests), or null */
    public PartialCrossSections providerOf(Channel channel) {
        for (PartialCrossSections t : tables) {
            if (t.channels().contains(channel)) {
                return t;
            }
        }
        return null;
    }
}

package org.crdl.runtime.network;

import java.util.Set;

/**
 * Partial (fragmentation) cross sections σ(parent + H → daughter) [mb] on a hydrogen target, as
 * functions of the kinetic energy per nucleon [GeV/n], which the fragment keeps (straight-ahead
 * approximation, hopkins2021 L799–810). Helium targets: {@link HeliumScaling}. Tables are
 * "cumulative": short-lived intermediates are folded into their long-lived descendants.
 *
 * <p>Implementations: {@link BuiltInFragmentation} (compact, energy-independent) and
 * {@link FragmentationFile} (DRAGON2 file format, interpolated in energy).
 */
public interface PartialCrossSections {

    /** One reaction channel, nuclei by charge and mass number. */
    record Channel(int parentZ, int parentA, int daughterZ, int daughterA) {
        public static Channel of(Nuclide parent, Nuclide daughter) {
            return new Channel(parent.z(), parent.a(), daughter.z(), daughter.a());
        }

        @Override
        public String toString() {
            return "(" + parentZ + "," + parentA + ")→(" + daughterZ + "," + daughterA + ")";
        }
    }

    /** every channel the table knows */
    Set<Channel> channels();

    /** σ on hydrogen [mb] at kinetic energy per nucleon [GeV/n]; 0 for channels not in the table */
    double hydrogenMb(Channel channel, double ekGeVPerNucleon);

    /** σ on hydrogen [mb] for a parent and daughter nuclide */
    default double hydrogenMb(Nuclide parent, Nuclide daughter, double ekGeVPerNucleon) {
        return hydrogenMb(Channel.of(parent, daughter), ekGeVPerNucleon);
    }
}

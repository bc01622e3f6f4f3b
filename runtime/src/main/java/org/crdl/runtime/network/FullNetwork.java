package org.crdl.runtime.network;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.crdl.runtime.plasma.ModelException;

/**
 * The full nuclear network up to nickel ({@code species all}): protons, ⁴He and every nucleus
 * from Li to Ni (Z = 3 … 28) that DRAGON2's {@code isotope_list.dat} lists as stable or long-lived
 * ({@link NuclideTable#fromIsotopeList}: ghosts with t_1/2 &lt; 1 kyr are folded into their end
 * products by the cumulative tables; ¹⁰Be, ¹⁴C, ²⁶Al, ³⁶Cl, ⁴⁰K, ⁵⁴Mn, ⁶⁰Fe … decay with the file's
 * naked half-lives). Partial cross sections come from the tables given, first table first (the
 * DRAGON2/Evoli file, then Webber 2003 for the channels it lacks); d and ³He are not transported
 * (neither table gives their production from heavier nuclei in the cumulative form used here).
 *
 * <p>{@link #SPECIES} is the list the language's {@code species all} expands to; it is checked
 * against the isotope file at run time (a name the file lacks is an error).
 */
public final class FullNetwork {
    private FullNetwork() {
    }

    /** p, He and the long-lived isotopes Z = 3 … 28 of isotope_list.dat (Ca40 is not in that file) */
    public static final List<String> SPECIES = List.of("p", "He", "Li6", "Li7", "Be7", "Be9", "Be10", "B10", "B11",
            "C", "C13", "C14", "N", "N15", "O", "O17", "O18", "F19", "Ne", "Ne21", "Ne22", "Na22", "Na23", "Mg", "Mg25",
            "Mg26", "Al26", "Al27", "Si", "Si29", "Si30", "P31", "S32", "S33", "S34", "S36", "Cl35", "Cl36", "Cl37", "Ar36",
            "Ar37", "Ar38", "Ar40", "K39", "K40", "K41", "Ca41", "Ca42", "Ca43", "Ca44", "Ca48", "Sc45", "Ti44", "Ti46",
            "Ti47", "Ti48", "Ti49", "Ti50", "V48", "V49", "V50", "V51", "Cr51", "Cr52", "Cr53", "Cr54", "Mn52", "Mn53",
            "Mn54", "Mn55", "Fe54", "Fe55", "Fe", "Fe57", "Fe58", "Fe60", "Co56", "Co57", "Co58", "Co59", "Ni56", "Ni57",
            "Ni58", "Ni59", "Ni60", "Ni61", "Ni62", "Ni64");

    /**
     * A network of {@code species} (usually {@link #SPECIES}) on the nuclide table of
     * {@code isotopeList}, with the partial tables in priority order (same-A channels dropped,
     * {@link LayeredPartials}).
     */
    public static Network.Builder builder(Path isotopeList, List<PartialCrossSections> tables, List<String> species) {
        NuclideTable table = NuclideTable.fromIsotopeList(isotopeList);
        List<String> missing = new ArrayList<>();
        for (String s : species) {
            if (table.find(s).isEmpty()) {
                missing.add(s);
            }
        }
        if (!missing.isEmpty()) {
            throw new ModelException("the full network needs " + missing + ", which " + isotopeList
                    + " does not list as long-lived");
        }
        if (tables.isEmpty()) {
            throw new ModelException("the full network needs partial cross sections: give cross_sections "
                    + "\"crxsecs_fragmentation_Evoli2019_cumulative_modified.dat\", \"webber_xsec.dat\"");
        }
        return Network.builder().table(table).species(species).partials(new LayeredPartials(tables, true));
    }
}

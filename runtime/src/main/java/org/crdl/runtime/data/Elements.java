package org.crdl.runtime.data;

/** Chemical element symbols by charge number, for naming datasets from tables keyed by Z. */
final class Elements {
    private static final String[] SYMBOLS = {"", "H", "He", "Li", "Be", "B", "C", "N", "O", "F",
        "Ne", "Na", "Mg", "Al", "Si", "P", "S", "Cl", "Ar", "K", "Ca", "Sc", "Ti", "V", "Cr", "Mn",
        "Fe", "Co", "Ni", "Cu", "Zn"};

    private Elements() {
    }

    static boolean known(int z) {
        return z >= 1 && z < SYMBOLS.length;
    }

    /** Symbol of element Z (1 ≤ Z ≤ 30). */
    static String symbol(int z) {
        if (!known(z)) {
            throw new IllegalArgumentException("no element symbol for Z = " + z);
        }
        return SYMBOLS[z];
    }

    /** Charge number of a symbol, or 0 if unknown. */
    static int charge(String symbol) {
        for (int z = 1; z < SYMBOLS.length; z++) {
            if (SYMBOLS[z].equals(symbol)) {
                return z;
            }
        }
        return 0;
    }
}

package org.crdl.runtime.units;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The unit table covers the list, with cgs factors checked against independent definitions. */
class UnitTableTest {

    private static Unit u(String s) {
        return UnitTable.lookup(s).orElseThrow(() -> new AssertionError("unit " + s + " unknown"));
    }

    @Test
    void everyRequiredUnitExists() {
        for (String s : new String[] {"cm", "m", "km", "au", "pc", "kpc", "Mpc", "s", "yr", "kyr", "Myr", "Gyr", "g",
                "kg", "K", "erg", "J", "eV", "keV", "MeV", "GeV", "TeV", "G", "mG", "uG", "nG", "T", "V", "kV", "MV",
                "GV", "TV", "b", "mb", "barn"}) {
            assertTrue(UnitTable.lookup(s).isPresent(), s);
        }
    }

    @Test
    void factorsAreCgs() {
        assertEquals(1e5, u("km").factor(), 0);
        assertEquals(3.0856775814913673e18, u("pc").factor(), 1e3, "IAU parsec");
        assertEquals(3.15576e13, u("Myr").factor(), 1e3, "Julian megayear");
        assertEquals(1e-6, u("uG").factor(), 1e-21);
        assertEquals(1e4, u("T").factor(), 0, "tesla = 1e4 gauss");
        assertEquals(1.602176634e-3, u("GeV").factor(), 1e-15);
        assertEquals(1e7, u("J").factor(), 0);
        assertEquals(1e-27, u("mb").factor(), 1e-42);
        // 1 statvolt = 299.792458 V (c/1e8): 1 GV = 3.33564e6 statV
        assertEquals(1e9 / 299.792458, u("GV").factor(), 1e-6);
    }

    @Test
    void dimensionsUseRationalExponents() {
        assertEquals(Dimension.MAGNETIC_FIELD, u("uG").dimension());
        assertEquals(Rational.of(1, 2), u("G").dimension().mass());
        assertEquals(Rational.of(-1, 2), u("G").dimension().length());
        assertEquals(Dimension.POTENTIAL, u("GV").dimension());
        assertEquals(Dimension.LENGTH, u("GV").dimension().over(u("uG").dimension()), "R/B is a length");
        assertEquals(Dimension.ENERGY_DENSITY, u("G").dimension().pow(Rational.of(2)), "B^2 is an energy density");
    }

    @Test
    void dimensionsPrintReadably() {
        assertEquals("cm^-3", Dimension.NUMBER_DENSITY.toString());
        assertEquals("s^-1", Dimension.RATE.toString());
        assertEquals("erg cm^-3", Dimension.ENERGY_DENSITY.toString());
        assertEquals("erg cm^-3 s^-1", Dimension.ENERGY_DENSITY_RATE.toString());
        assertEquals("g cm^-3", Dimension.MASS_DENSITY.toString());
        assertEquals("G", Dimension.MAGNETIC_FIELD.toString());
        assertEquals("G cm", Dimension.POTENTIAL.toString());
        assertEquals("cm s^-1", Dimension.VELOCITY.toString());
        assertEquals("1", Dimension.NONE.toString());
        assertEquals("cm^(1/2)", Dimension.LENGTH.pow(Rational.HALF).toString());
        assertEquals("g cm s^-1", Dimension.MOMENTUM.toString());
        assertEquals("erg", Dimension.ENERGY.toString());
        assertEquals("erg K^-1", Dimension.ENERGY.over(Dimension.TEMPERATURE).toString());
        assertEquals("G cm^2", Dimension.CHARGE.toString());
    }

    @Test
    void unknownUnitsAreNotGuessed() {
        assertTrue(UnitTable.lookup("kpcc").isEmpty());
        assertTrue(UnitTable.lookup("in").isEmpty());
        assertTrue(UnitTable.lookup("Merg").isEmpty(), "erg takes no prefixes");
    }
}

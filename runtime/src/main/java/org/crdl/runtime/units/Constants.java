package org.crdl.runtime.units;

/**
 * Physical constants in cgs-Gaussian units (CODATA 2018 exact or recommended values;
 * astronomical units from IAU 2012/2015). Every CRDL computation is done in these units.
 */
public final class Constants {
    private Constants() {
    }

    /** speed of light [cm s^-1] (exact) */
    public static final double C = 2.99792458e10;
    /** proton mass [g] */
    public static final double M_P = 1.67262192369e-24;
    /** electron mass [g] */
    public static final double M_E = 9.1093837015e-28;
    /** atomic mass unit [g] */
    public static final double M_U = 1.66053906660e-24;
    /** elementary charge [statC = g^(1/2) cm^(3/2) s^-1] = 1.602176634e-19 C × c/10 */
    public static final double Q_E = 1.602176634e-19 * C / 10.0;
    /** Boltzmann constant [erg K^-1] (exact) */
    public static final double K_B = 1.380649e-16;
    /** Planck constant [erg s] (exact) */
    public static final double H_PLANCK = 6.62607015e-27;
    /** Newton's constant [cm^3 g^-1 s^-2] */
    public static final double G_NEWTON = 6.67430e-8;
    /** Thomson cross section [cm^2] */
    public static final double SIGMA_T = 6.6524587321e-25;
    /** fine-structure constant */
    public static final double ALPHA_FS = 7.2973525693e-3;
    /** one electronvolt [erg] (exact) */
    public static final double EV = 1.602176634e-12;
    /** one gigaelectronvolt [erg] */
    public static final double GEV = 1e9 * EV;
    /** astronomical unit [cm] (IAU 2012, exact) */
    public static final double AU = 1.495978707e13;
    /** parsec [cm] = au / tan(1 arcsec) */
    public static final double PC = AU * 648000.0 / Math.PI;
    /** kiloparsec [cm] */
    public static final double KPC = 1e3 * PC;
    /** Julian year [s] */
    public static final double YR = 365.25 * 86400.0;
    /** megayear [s] */
    public static final double MYR = 1e6 * YR;
    /** solar mass [g] (IAU 2015 nominal GM_sun / G) */
    public static final double M_SUN = 1.98841e33;
    /** one volt expressed in statvolt: 1 statV = 299.792458 V */
    public static final double VOLT = 1e8 / C;
    /** one gigavolt in statvolt (the rigidity unit at the CLI) */
    public static final double GV = 1e9 * VOLT;
}

package org.crdl.runtime.data;

/** What a dataset's y values are: a differential flux or a dimensionless ratio of fluxes. */
public enum QuantityKind {
    /** differential flux in m^-2 s^-1 sr^-1 per unit of the x variable */
    FLUX,
    /** dimensionless ratio of two fluxes at the same x (e.g. B/C) */
    RATIO
}

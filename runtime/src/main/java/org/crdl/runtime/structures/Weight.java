package org.crdl.runtime.structures;

/**
 * w(τ_s): the probability that one crossing of a structure deflects a cosmic ray by O(1)
 * (digest §5.2). {@link #STEP} is the paper's criterion τ_s ≳ 1 (L103): w = 1 for τ_s ≥ 1, else 0;
 * {@link #EXPONENTIAL} is the smooth w = 1 − e^(−τ_s) (an implementation choice, digest §5.2).
 */
public enum Weight {
    STEP("step"), EXPONENTIAL("exponential");

    /** τ within this relative distance below 1 still counts as τ ≥ 1 (ℓ_S = r_g evaluated twice). */
    private static final double EDGE = 1e-9;

    public final String keyword;

    Weight(String keyword) {
        this.keyword = keyword;
    }

    public double of(double tau) {
        if (this == STEP) {
            return tau >= 1 - EDGE ? 1 : 0;
        }
        return -Math.expm1(-tau);
    }

    public static Weight byKeyword(String k) {
        for (Weight w : values()) {
            if (w.keyword.equals(k)) {
                return w;
            }
        }
        throw new IllegalArgumentException("unknown weight " + k);
    }
}

package org.crdl.runtime.turbulence;

/**
 * The paper-versus-code choices of fornieri2021 (digest §6.4) and related convention choices,
 * as explicit named options. {@link #physical()} is the physically consistent default; the
 * authors' paper-era code (CODE-2020, digest §6) is {@link #code2020Halo()} / {@link #code2020Disk()}.
 *
 * @param xiMapping          how k_max L is paired with ξ (digest §6.4 item 1)
 * @param muPrefactor        prefactor P of D = P ∫_0^1 dμ v²(1−μ²)²/D_μμ (item 2)
 * @param diffusiveCriterion which pitch angles count as diffusive (item 3)
 * @param truncation         how several damping mechanisms set k_max (fornieri2021 L503)
 * @param fastModeCap        global cap on the fast-mode k_max L (digest §2.8 "global cap in CODE-2020")
 * @param resonanceWidth     resonance-broadening convention (item 7)
 * @param gyroBranches       which n = ±1 gyroresonance Gaussians enter the fast-mode D_μμ
 * @param constants          which mass ratio and Larmor-radius constant the environment factories use
 */
public record Conventions(XiMapping xiMapping, MuPrefactor muPrefactor, DiffusiveCriterion diffusiveCriterion,
                          TruncationCombination truncation, FastModeCap fastModeCap,
                          ResonanceWidth resonanceWidth, GyroBranches gyroBranches, ConstantSet constants) {

    /** Pairing of the truncation k_max L(θ) with ξ. */
    public enum XiMapping {
        /** ξ = cos θ (physical). */
        COS_THETA,
        /** CODE-2020 reversed uniform-θ grid paired with a uniform-ξ grid: k_max L used at ξ is k_max L(ξ' = sin(πξ/2)). */
        CODE2020_REVERSED_THETA_GRID
    }

    /** Prefactor of the μ integral. */
    public enum MuPrefactor {
        /** 1/4, fornieri2021 eq. (6), kempski2022 (A3): ¼∫_0^1 = ⅛∫_{-1}^1, the standard parallel coefficient. */
        QUARTER(0.25),
        /** 1/8, the CODE-2020 disk notebook. */
        EIGHTH(0.125);

        public final double value;

        MuPrefactor(double value) {
            this.value = value;
        }
    }

    /** Which pitch angles enter the μ integral. */
    public enum DiffusiveCriterion {
        /** all μ ∈ [0, 1] (the standard quasi-linear D_∥) */
        NONE,
        /** fornieri2021 eq. (7), L116: integrate up to the first μ* where v(1−μ²)/(L' D_μμ) ≥ 1, L' = region size/5 */
        PAPER_MU_STAR,
        /** CODE-2020: drop (zero) every μ with c/ν &gt; region size, ν = 2D_μμ/(1−μ²) */
        CODE2020_DROP_POINTS
    }

    /** How several fast-mode dampings truncate the cascade. */
    public enum TruncationCombination {
        /** k_max where Σ_i Γ_i reaches the cascade rate (rates add) */
        SUM_OF_RATES,
        /** k_max = min_i (k_max of each mechanism alone), fornieri2021 L503 and CODE-2020 */
        MIN_OF_TRUNCATIONS
    }

    /** Cap on the fast-mode k_max L. */
    public enum FastModeCap {
        /** no cap: only damping truncates (the x integrals converge at large x) */
        NONE,
        /** CODE-2020: capped at the Alfvén-mode x_⊥,max of fornieri2021 (A16) */
        ALFVEN_CUTOFF
    }

    /** Resonance-function convention (fornieri2021 digest §2.2, §6.4 item 7). */
    public enum ResonanceWidth {
        /** eq. (2): √π/(|k_∥|v_⊥M_A^{1/2}) exp(−Δ²/(k_∥²v²(1−μ²)M_A)) (paper and CODE-2020) */
        PAPER_EQ2,
        /** CODE-2023 (not the paper): prefactor √π/√2 and variance 2(1−μ²)M_A */
        CODE2023
    }

    /** Gyroresonant terms of the fast-mode D_μμ. */
    public enum GyroBranches {
        /** n = +1 and n = −1 folded onto ξ &gt; 0: E^{G,+} + E^{G,−} (fornieri2021 (A23), derived from (A20)) */
        BOTH,
        /** only exp(−(μ − 1/(xξR))²/Δμ²), kempski2022 (A1) as printed */
        KEMPSKI_A1_SINGLE
    }

    /** Constants the environment factories use. */
    public enum ConstantSet {
        /** CODATA m_p/m_e and r_g = R/B */
        CODATA,
        /**
         * CODE-2020: m_p/m_e = 0.939/0.000510998918, r_L = 3.37e12 cm (p/GeV)(μG/B) in the (A16) cutoff,
         * and particle speed v = 2.99e10 cm/s at every rigidity (the code treats p as rigidity with v = c)
         */
        CODE2020
    }

    public Conventions {
        if (xiMapping == null || muPrefactor == null || diffusiveCriterion == null || truncation == null
                || fastModeCap == null || resonanceWidth == null || gyroBranches == null || constants == null) {
            throw new IllegalArgumentException("every convention must be given (no nulls)");
        }
    }

    /** The physically consistent defaults. */
    public static Conventions physical() {
        return new Conventions(XiMapping.COS_THETA, MuPrefactor.QUARTER, DiffusiveCriterion.NONE,
                TruncationCombination.SUM_OF_RATES, FastModeCap.NONE, ResonanceWidth.PAPER_EQ2, GyroBranches.BOTH,
                ConstantSet.CODATA);
    }

    /** The authors' paper-era halo notebook (fornieri2021 digest §6). */
    public static Conventions code2020Halo() {
        return new Conventions(XiMapping.CODE2020_REVERSED_THETA_GRID, MuPrefactor.QUARTER,
                DiffusiveCriterion.CODE2020_DROP_POINTS, TruncationCombination.MIN_OF_TRUNCATIONS,
                FastModeCap.ALFVEN_CUTOFF, ResonanceWidth.PAPER_EQ2, GyroBranches.BOTH, ConstantSet.CODE2020);
    }

    /** The authors' paper-era disk notebook: as the halo, with the 1/8 μ prefactor. */
    public static Conventions code2020Disk() {
        return code2020Halo().withMuPrefactor(MuPrefactor.EIGHTH);
    }

    public Conventions withXiMapping(XiMapping v) {
        return new Conventions(v, muPrefactor, diffusiveCriterion, truncation, fastModeCap, resonanceWidth,
                gyroBranches, constants);
    }

    public Conventions withMuPrefactor(MuPrefactor v) {
        return new Conventions(xiMapping, v, diffusiveCriterion, truncation, fastModeCap, resonanceWidth,
                gyroBranches, constants);
    }

    public Conventions withDiffusiveCriterion(DiffusiveCriterion v) {
        return new Conventions(xiMapping, muPrefactor, v, truncation, fastModeCap, resonanceWidth, gyroBranches,
                constants);
    }

    public Conventions withTruncation(TruncationCombination v) {
        return new Conventions(xiMapping, muPrefactor, diffusiveCriterion, v, fastModeCap, resonanceWidth,
                gyroBranches, constants);
    }

    public Conventions withFastModeCap(FastModeCap v) {
        return new Conventions(xiMapping, muPrefactor, diffusiveCriterion, truncation, v, resonanceWidth,
                gyroBranches, constants);
    }

    public Conventions withResonanceWidth(ResonanceWidth v) {
        return new Conventions(xiMapping, muPrefactor, diffusiveCriterion, truncation, fastModeCap, v, gyroBranches,
                constants);
    }

    public Conventions withGyroBranches(GyroBranches v) {
        return new Conventions(xiMapping, muPrefactor, diffusiveCriterion, truncation, fastModeCap, resonanceWidth, v,
                constants);
    }

    public Conventions withConstants(ConstantSet v) {
        return new Conventions(xiMapping, muPrefactor, diffusiveCriterion, truncation, fastModeCap, resonanceWidth,
                gyroBranches, v);
    }
}

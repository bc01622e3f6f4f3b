package org.crdl.runtime.structures;

/**
 * The consistency rules of a patchy-scattering model (butsky2024 digest §5.1, V1–V10), each with
 * the condition that fails it and what that means physically.
 */
public enum Rule {
    V1("ℓ_S < r_g", "the structures are smaller than the gyroradius and do not scatter (Eq. 3)"),
    V2("τ_s < 1", "the structures are transparent to these cosmic rays (Eq. 4)"),
    V3("τ_s f_V ≥ 1", "trapping dominates (Eqs. 5-6)"),
    V4("ℓ_S ≥ ℓ_mfp", "GMC-sized structures cannot do this (Eq. 7)"),
    V5("f_V ≥ 1", "the structures would fill more than the whole volume (Eq. 11)"),
    V6("f_M ≥ 1", "the structures would hold more than the ISM mass (Eq. 10)"),
    V7("ν_bg ≥ ν_patch", "scattering between the patches dominates (Eq. 13)"),
    V8("δ_s < 0.1", "the rate does not fall with rigidity as observed (L54); a size distribution needs α_n > 2 (L160)"),
    V9("⟨ν⟩_eff outside 1/10-10x the empirical rate", "the population does not give the observed scattering (L52, L188)"),
    V10("N_scat < 100", "scattering is not diffusive over a residence time, so patchy and continuous models differ (L230)");

    public final String condition;
    public final String meaning;

    Rule(String condition, String meaning) {
        this.condition = condition;
        this.meaning = meaning;
    }
}
